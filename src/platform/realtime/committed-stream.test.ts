import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { createDeps } from '../create-deps.js';
import type { DomainEvent } from '../events/define-events.js';
import { inWorkspace } from '../tenancy/scope.js';
import { systemScope } from '../tenancy/system-scope.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close(), 60_000);

// Each API instance has its own event stream; on PostgreSQL every one of them hears every commit.
async function instance() {
  const deps = createDeps(t.deps.config, t.handle, t.deps.reactions);
  const heard: DomainEvent[] = [];
  deps.events.on('*', (e) => void heard.push(e));
  await deps.events.start();
  onTestFinished(() => deps.events.close());
  return { deps, heard };
}

describe('the committed-event stream realtime reads', () => {
  it('brings each committed event once to the instance that wrote it and, on PostgreSQL, to every other instance; nothing of a rollback', async () => {
    const { workspaceId } = await t.workspace('Stream');
    const writer = await instance();
    const other = await instance();
    const emit = (customerId: string, fail = false) =>
      inWorkspace(writer.deps, systemScope(workspaceId), async (ctx) => {
        ctx.emit('customer.created', { customerId });
        if (fail) throw new Error('rolled back');
      });
    await expect(emit(crypto.randomUUID(), true)).rejects.toThrow('rolled back');
    const customerId = crypto.randomUUID();
    await emit(customerId);

    const mine = (heard: DomainEvent[]) => heard.filter((e) => e.workspaceId === workspaceId);
    await waitUntil('the writer to hear its event', () => mine(writer.heard).length > 0);
    if (t.handle.kind === 'pg')
      await waitUntil('the other instance to hear it', () => mine(other.heard).length > 0);
    // A later commit, heard after the first, shows nothing else arrived in between.
    await emit(crypto.randomUUID());
    await waitUntil('the writer to hear the second event', () => mine(writer.heard).length > 1);

    const instances = t.handle.kind === 'pg' ? [writer, other] : [writer];
    for (const { heard } of instances) {
      if (heard !== writer.heard) await waitUntil('the second event', () => mine(heard).length > 1);
      const [first] = mine(heard);
      expect(first).toMatchObject({ type: 'customer.created', data: { customerId }, id: expect.any(Number) });
      expect(mine(heard)).toHaveLength(2);
    }
  });
});
