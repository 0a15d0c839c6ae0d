import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { createDeps } from '../create-deps.js';
import { buildApp } from '../../app/build-app.js';
import { claimEvents } from './claim-events.js';
import { createDispatcher, type DispatcherOptions } from './create-dispatcher.js';
import type { DomainEvent } from './define-events.js';
import { defineListener, type ListenerDefinition } from './define-listener.js';
import { eventOutbox } from './outbox-table.js';
import { pruneOutbox } from './prune-outbox.js';
import { inWorkspace } from '../tenancy/scope.js';
import { systemScope } from '../tenancy/system-scope.js';

// No job queue and no dispatcher of its own: each test starts the dispatchers it needs, with
// listeners that record what they were given.
let t: TestApp;
let api: ReturnType<TestApp['as']>;

beforeAll(async () => {
  t = await createTestApp();
  api = t.as((await t.workspace('Outbox')).apiKey);
}, 60_000);
afterAll(() => t?.close(), 60_000);

const noJobs = { send: async () => null };

function dispatcher(listeners: ListenerDefinition[], options: Partial<DispatcherOptions> = {}) {
  // A process of its own on the same database: its own event stream, its own dispatcher.
  const deps = createDeps(t.deps.config, t.handle, t.deps.reactions);
  const started = createDispatcher({ pollMs: 200, ...options, listeners, deps: { ...deps, jobs: noJobs } });
  onTestFinished(async () => {
    await started.stop();
    await deps.events.close();
  });
  return { dispatcher: started, deps };
}

function recorder(name: string, seen: DomainEvent[]) {
  return defineListener({
    name,
    on: ['customer.created'],
    handle: async (event) => void seen.push(event),
  });
}

async function newCustomer(name: string): Promise<string> {
  const res = await api.post('/customers', { name });
  expect(res.status, res.text).toBe(201);
  return res.json.id;
}

async function outboxRow(customerId: string) {
  const [row] = await t.handle.db
    .select()
    .from(eventOutbox)
    .where(
      sql`${eventOutbox.type} = 'customer.created' AND ${eventOutbox.data}->>'customerId' = ${customerId}`,
    );
  return row!;
}

const forCustomer = (seen: DomainEvent[], customerId: string) =>
  seen.filter((e) => e.type === 'customer.created' && e.data.customerId === customerId);

describe('the event outbox', () => {
  it('keeps an event committed by a process that died before dispatching it, and a new dispatcher delivers it', async () => {
    // The first process commits and goes away before any dispatcher ran: its in-memory side is gone.
    const first = createDeps(t.deps.config, t.handle, t.deps.reactions);
    const res = await buildApp(first).request('/api/v1/customers', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${(await t.workspace('Crash')).apiKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'Committed Before The Crash' }),
    });
    expect(res.status).toBe(201);
    const customerId = ((await res.json()) as { id: string }).id;
    await first.events.close();
    const before = await outboxRow(customerId);
    expect(before).toMatchObject({ attempts: 0, deliveredAt: null, workspaceId: expect.any(String) });

    const seen: DomainEvent[] = [];
    const { dispatcher: next } = dispatcher([recorder('test.audit', seen)]);
    await next.start();
    const [event] = await waitUntil('the new dispatcher to deliver the event', () => {
      const found = forCustomer(seen, customerId);
      return found.length ? found : undefined;
    });
    expect(event).toMatchObject({ id: before.id, workspaceId: before.workspaceId, data: { customerId } });
    await waitUntil('the delivery to be recorded', async () => (await outboxRow(customerId)).deliveredAt);
    expect(await outboxRow(customerId)).toMatchObject({ attempts: 1, nextAttemptAt: null, claimedAt: null });
  });

  it('delivers again what a dispatcher claimed but never finished', async () => {
    const customerId = await newCustomer('Claimed By The Dead');
    // A dispatcher claims the event and dies before running any listener.
    const claimed = await claimEvents(t.handle.db, { limit: 100, leaseSeconds: 1 });
    expect(claimed.map((r) => r.id)).toContain((await outboxRow(customerId)).id);

    const seen: DomainEvent[] = [];
    const { dispatcher: next } = dispatcher([recorder('test.audit', seen)]);
    await next.start();
    // The embedded database frees the dead claims at start; PostgreSQL waits out the lease.
    await waitUntil('the event to be delivered again', () => forCustomer(seen, customerId).length === 1);
    await waitUntil('the delivery to be recorded', async () => (await outboxRow(customerId)).deliveredAt);
    expect((await outboxRow(customerId)).attempts).toBe(2);
  });

  it('hides a claimed event from other claims until its lease ends, leaving its due time alone', async () => {
    const customerId = await newCustomer('Leased');
    const { id, nextAttemptAt } = await outboxRow(customerId);
    const claim = (leaseSeconds: number) => claimEvents(t.handle.db, { limit: 1000, leaseSeconds });
    expect((await claim(60)).map((r) => r.id)).toContain(id);
    expect((await claim(60)).map((r) => r.id)).not.toContain(id);
    // A claim changes no indexed column (see claim-events.ts): the due time stays as written.
    expect((await outboxRow(customerId)).nextAttemptAt).toEqual(nextAttemptAt);
    // Once the lease is over, the next claim takes the row again, as a second attempt.
    await t.handle.db
      .update(eventOutbox)
      .set({ leaseEndsAt: sql`now()` })
      .where(sql`${eventOutbox.id} = ${id}`);
    const again = (await claim(60)).find((r) => r.id === id);
    expect(again).toMatchObject({ attempts: 2, nextAttemptAt });
  });

  it('retries a failing listener with back-off, without holding back the other listeners or later events', async () => {
    const tries = new Map<string, number>();
    const flaky = defineListener({
      name: 'test.flaky',
      on: ['customer.created'],
      async handle(event) {
        const n = (tries.get(event.data.customerId) ?? 0) + 1;
        tries.set(event.data.customerId, n);
        if (event.data.customerId === first && n < 3) throw new Error('the mail server is down');
      },
    });
    const seen: DomainEvent[] = [];
    const { dispatcher: running } = dispatcher([flaky, recorder('test.steady', seen)], { retryBaseMs: 300 });
    await running.start();

    const first = await newCustomer('Failing First');
    const later = await newCustomer('Later');
    await waitUntil('the later event to be delivered', async () => (await outboxRow(later)).deliveredAt);
    expect(tries.get(later)).toBe(1);
    const failing = await outboxRow(first);
    expect(failing.deliveredAt).toBeNull();
    expect(failing.deliveredTo).toEqual(['test.steady']);
    expect(failing.lastError).toContain('test.flaky: the mail server is down');
    expect(forCustomer(seen, first)).toHaveLength(1);

    await waitUntil(
      'the failing event to be delivered',
      async () => (await outboxRow(first)).deliveredAt,
      20_000,
    );
    expect(tries.get(first)).toBe(3);
    expect(await outboxRow(first)).toMatchObject({ attempts: 3, deliveredTo: ['test.steady'] });
    // The listener that succeeded the first time ran once.
    expect(forCustomer(seen, first)).toHaveLength(1);
  });

  it('gives up on an event after the last attempt and keeps the error', async () => {
    const broken = defineListener({
      name: 'test.broken',
      on: ['customer.created'],
      handle: async () => {
        throw new Error('always broken');
      },
    });
    const { dispatcher: running } = dispatcher([broken], { retryBaseMs: 50, maxAttempts: 2 });
    await running.start();
    const customerId = await newCustomer('Never Delivered');
    const row = await waitUntil('the event to be given up', async () => {
      const current = await outboxRow(customerId);
      return current.failedAt ? current : undefined;
    });
    expect(row).toMatchObject({ attempts: 2, nextAttemptAt: null, deliveredAt: null });
    expect(row.lastError).toBe('test.broken: always broken');
  });

  it('checks payloads where they are emitted, and writes nothing when the transaction rolls back', async () => {
    const { workspaceId } = await t.workspace('Rollback');
    const count = async () =>
      (await t.handle.db.select({ n: sql<number>`count(*)::int` }).from(eventOutbox))[0]!.n;
    const before = await count();
    const emitting = (data: unknown, thenFail = false) =>
      inWorkspace(t.deps, systemScope(workspaceId), async (ctx) => {
        ctx.emit('customer.created', data as { customerId: string });
        if (thenFail) throw new Error('the change failed after emitting');
      });
    await expect(emitting({ customerId: 'not-a-uuid' })).rejects.toThrow(
      'Event "customer.created" has an invalid payload: customerId:',
    );
    await expect(emitting({ customerId: randomUUID() }, true)).rejects.toThrow('the change failed');
    expect(await count()).toBe(before);
    await emitting({ customerId: randomUUID() });
    expect(await count()).toBe(before + 1);
  });

  it('prunes settled events once they are older than the retention, never pending ones', async () => {
    const { workspaceId } = await t.workspace('Prune');
    const old = sql`now() - interval '200 hours'`;
    // What earlier tests left is made as old as a week-long outbox's start, so that the rows
    // below are the most recent ones, as a running outbox's newest rows are.
    await t.handle.db.update(eventOutbox).set({ createdAt: sql`now() - interval '300 hours'` });
    const [before] = await t.handle.db
      .select({ settled: sql<number>`count(*)::int` })
      .from(eventOutbox)
      .where(sql`${eventOutbox.nextAttemptAt} IS NULL`);
    const row = (label: string, settled: boolean, createdAt = sql`now()`) => ({
      workspaceId,
      type: 'customer.created',
      data: { customerId: randomUUID(), label },
      createdAt,
      nextAttemptAt: settled ? null : sql`now() + interval '1 hour'`,
      deliveredAt: settled ? sql`now()` : null,
    });
    for (const values of [
      row('old settled', true, old),
      row('old pending', false, old),
      row('recent settled', true),
      // Old, but after a recent row in id order: it waits for a later pass.
      row('late old settled', true, old),
    ])
      await t.handle.db.insert(eventOutbox).values(values);
    expect(await pruneOutbox(t.handle.db, { olderThanHours: 168 })).toBe(before!.settled + 1);
    const left = await t.handle.db
      .select({ label: sql<string>`${eventOutbox.data}->>'label'` })
      .from(eventOutbox)
      .where(sql`${eventOutbox.workspaceId} = ${workspaceId}`);
    expect(left.map((r) => r.label).sort()).toEqual(['late old settled', 'old pending', 'recent settled']);
  });
});
