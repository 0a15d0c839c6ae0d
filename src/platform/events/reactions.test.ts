import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createDeps } from '../create-deps.js';
import { defineReaction, indexReactions, type ReactionDefinition } from './define-reaction.js';
import { inWorkspace } from '../tenancy/scope.js';
import { systemScope } from '../tenancy/system-scope.js';

let t: TestApp;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.workspace('Reactions')).workspaceId;
}, 60_000);
afterAll(() => t?.close(), 60_000);

// The same database with only the given reactions, so each test says exactly what answers what.
const withReactions = (...reactions: ReactionDefinition[]) =>
  createDeps(t.deps.config, t.handle, indexReactions(reactions));

const workspaceName = async () => {
  const result = (await t.deps.db.execute(
    sql`SELECT name FROM workspaces WHERE id = ${workspaceId}`,
  )) as unknown as {
    rows: { name: string }[];
  };
  return result.rows[0]!.name;
};

const outboxTypes = async (customerId: string) => {
  const result = (await t.deps.db.execute(
    sql`SELECT type FROM event_outbox WHERE data->>'customerId' = ${customerId} ORDER BY id`,
  )) as unknown as { rows: { type: string }[] };
  return result.rows.map((r) => r.type);
};

describe('reactions: another module answering an event inside the emitting transaction', () => {
  it('run before the commit, and what they emit is written with the rest, in order', async () => {
    const seen: string[] = [];
    const deps = withReactions(
      defineReaction({
        name: 'test.mark-active',
        on: ['customer.created'],
        async handle(event, ctx) {
          seen.push(event.type);
          ctx.emit('customer.updated', { customerId: event.data.customerId, lifecycleStatus: 'active' });
        },
      }),
      defineReaction({
        name: 'test.see-update',
        on: ['customer.updated'],
        async handle(event) {
          seen.push(event.type);
        },
      }),
    );
    const customerId = randomUUID();
    await inWorkspace(deps, systemScope(workspaceId), async (ctx) => {
      ctx.emit('customer.created', { customerId });
    });
    expect(seen).toEqual(['customer.created', 'customer.updated']);
    expect(await outboxTypes(customerId)).toEqual(['customer.created', 'customer.updated']);
  });

  it('roll the whole change back when one fails: the operation, its events and the other reactions', async () => {
    const before = await workspaceName();
    const deps = withReactions(
      defineReaction({
        name: 'test.rename',
        on: ['customer.created'],
        async handle(_event, ctx) {
          await ctx.tx.execute(
            sql`UPDATE workspaces SET name = 'renamed by a reaction' WHERE id = ${workspaceId}`,
          );
        },
      }),
      defineReaction({
        name: 'test.refuse',
        on: ['customer.created'],
        async handle() {
          throw new Error('refused');
        },
      }),
    );
    const customerId = randomUUID();
    await expect(
      inWorkspace(deps, systemScope(workspaceId), async (ctx) => {
        await ctx.tx.execute(
          sql`UPDATE workspaces SET name = 'renamed by the operation' WHERE id = ${workspaceId}`,
        );
        ctx.emit('customer.created', { customerId });
      }),
    ).rejects.toThrow('refused');
    expect(await workspaceName()).toBe(before);
    expect(await outboxTypes(customerId)).toEqual([]);
  });

  it('stop a reaction that keeps answering its own event', async () => {
    const deps = withReactions(
      defineReaction({
        name: 'test.echo',
        on: ['customer.created'],
        async handle(event, ctx) {
          ctx.emit('customer.created', event.data);
        },
      }),
    );
    const customerId = randomUUID();
    await expect(
      inWorkspace(deps, systemScope(workspaceId), async (ctx) =>
        ctx.emit('customer.created', { customerId }),
      ),
    ).rejects.toThrow(/without end/);
    expect(await outboxTypes(customerId)).toEqual([]);
  });
});
