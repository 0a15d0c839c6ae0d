import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSocketWrites } from '../../../test/support/socket-writes.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createDeps } from '../create-deps.js';
import { defineReaction, indexReactions, type ReactionDefinition } from '../events/define-reaction.js';
import type { DomainEvent } from '../events/domain-events.js';
import { inWorkspace, type LastWrite, type WorkContext } from './scope.js';
import { systemScope } from './system-scope.js';

let t: TestApp;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.workspace('One trip')).workspaceId;
  await t.deps.db.execute(sql`CREATE TABLE one_trip_probe (id uuid PRIMARY KEY, n int NOT NULL)`);
  await t.deps.db.execute(sql`GRANT ALL ON one_trip_probe TO earshot_app`);
}, 60_000);
afterAll(() => t?.close(), 60_000);

// The same database with only the given reactions, and the events it announces after commits.
function withReactions(...reactions: ReactionDefinition[]) {
  const deps = createDeps(t.deps.config, t.handle, indexReactions(reactions));
  const published: DomainEvent[] = [];
  deps.events.publish = (events) => void published.push(...events);
  return { deps, published };
}

// A write of one probe row (for `n`, a statement that fails when n is 0), whose event is a
// customer.created whose customerId the statement fills in from the row.
const probeWrite = (id: string, n: number, where = sql``): LastWrite<'customer.created'> => ({
  ctes: sql`written AS (INSERT INTO one_trip_probe (id, n) SELECT ${id}::uuid, 10 / ${n}::int ${where} RETURNING id, n)`,
  from: 'written',
  event: { type: 'customer.created', data: {} },
  filled: sql`jsonb_build_object('customerId', id)`,
});

const probeRows = async (id: string) =>
  (
    (await t.deps.db.execute(sql`SELECT n FROM one_trip_probe WHERE id = ${id}`)) as unknown as {
      rows: unknown[];
    }
  ).rows;
const outboxFor = async (id: string) =>
  (
    (await t.deps.db.execute(
      sql`SELECT type, data FROM event_outbox WHERE data->>'customerId' = ${id} ORDER BY id`,
    )) as unknown as { rows: { type: string; data: unknown }[] }
  ).rows;

describe('commitWith: a work whose one write is sent with its event and the COMMIT', () => {
  it('writes the row and its event, filled in from the row, and announces the event after the commit', async () => {
    const { deps, published } = withReactions();
    const id = randomUUID();
    const rows = await inWorkspace(deps, systemScope(workspaceId), (ctx) =>
      ctx.commitWith(probeWrite(id, 2)),
    );
    expect(rows).toEqual([expect.objectContaining({ id, n: 5 })]);
    expect(await probeRows(id)).toEqual([{ n: 5 }]);
    expect(await outboxFor(id)).toEqual([{ type: 'customer.created', data: { customerId: id } }]);
    expect(published).toEqual([
      expect.objectContaining({ type: 'customer.created', workspaceId, data: { customerId: id } }),
    ]);
  });

  it('rolls everything back when its statement fails: no row, no event, nothing announced', async () => {
    const { deps, published } = withReactions();
    const id = randomUUID();
    await expect(
      inWorkspace(deps, systemScope(workspaceId), (ctx) => ctx.commitWith(probeWrite(id, 0))),
    ).rejects.toThrow();
    expect(await probeRows(id)).toEqual([]);
    expect(await outboxFor(id)).toEqual([]);
    expect(published).toEqual([]);
    // The connection went back to the pool in order: the next transaction runs as usual.
    const again = await inWorkspace(deps, systemScope(workspaceId), (ctx) =>
      ctx.commitWith(probeWrite(id, 1)),
    );
    expect(again).toHaveLength(1);
  });

  // The fields given are the one check: made before anything is sent, so a bad one never
  // reaches the outbox (nor the row its write would have made).
  it('refuses a payload whose given fields are invalid before sending anything', async () => {
    const { deps, published } = withReactions();
    const id = randomUUID();
    const bad = { ...probeWrite(id, 1), event: { type: 'customer.created', data: { customerId: 'nope' } } };
    await expect(
      inWorkspace(deps, systemScope(workspaceId), (ctx) =>
        ctx.commitWith(bad as LastWrite<'customer.created'>),
      ),
    ).rejects.toThrow(/invalid payload: customerId/);
    expect(await probeRows(id)).toEqual([]);
    expect(
      (
        (await t.deps.db.execute(
          sql`SELECT id FROM event_outbox WHERE data->>'customerId' IN (${id}, 'nope')`,
        )) as unknown as { rows: unknown[] }
      ).rows,
    ).toEqual([]);
    expect(published).toEqual([]);
  });

  it('runs the work again the ordinary way when its write writes nothing', async () => {
    const { deps, published } = withReactions();
    const id = randomUUID();
    const answers: unknown[] = [];
    const result = await inWorkspace(deps, systemScope(workspaceId), async (ctx) => {
      const rows = await ctx.commitWith(probeWrite(id, 1, sql`WHERE false`));
      answers.push(rows);
      // The ordinary way: the statement, then the event emitted with what it answered.
      await ctx.tx.execute(sql`INSERT INTO one_trip_probe (id, n) VALUES (${id}, 7)`);
      ctx.emit('customer.created', { customerId: id });
      return 'ordinary';
    });
    expect(result).toBe('ordinary');
    expect(answers).toEqual([undefined]); // the first run ended in commitWith, the second was refused
    expect(await probeRows(id)).toEqual([{ n: 7 }]);
    expect(await outboxFor(id)).toHaveLength(1);
    expect(published).toHaveLength(1);
  });

  it('is refused when a reaction may want the event, and allowed when no reaction does', async () => {
    const handled: string[] = [];
    const reaction = (when?: (e: { data: { customerId?: string } }) => boolean) =>
      defineReaction({
        name: 'test.watch',
        on: ['customer.created'],
        ...(when ? { when } : {}),
        async handle(event) {
          handled.push(event.data.customerId);
        },
      });
    const id = randomUUID();
    const tryOneTrip = (deps: ReturnType<typeof withReactions>['deps']) =>
      inWorkspace(deps, systemScope(workspaceId), (ctx: WorkContext) =>
        ctx.commitWith(probeWrite(randomUUID(), 1)),
      );
    expect(await tryOneTrip(withReactions(reaction()).deps)).toBeUndefined();
    expect(await tryOneTrip(withReactions(reaction(() => true)).deps)).toBeUndefined();
    expect(await tryOneTrip(withReactions(reaction(() => false)).deps)).toHaveLength(1);
    // `when` keeps the reaction from running on the ordinary way too.
    const { deps } = withReactions(reaction((e) => e.data.customerId !== id));
    await inWorkspace(deps, systemScope(workspaceId), async (ctx) => {
      ctx.emit('customer.created', { customerId: id });
      ctx.emit('customer.created', { customerId: randomUUID() });
    });
    expect(handled).toHaveLength(1);
    expect(handled).not.toContain(id);
  });

  it('is refused after an emit, and nothing may be emitted after it', async () => {
    const { deps } = withReactions();
    const first = await inWorkspace(deps, systemScope(workspaceId), async (ctx) => {
      ctx.emit('customer.created', { customerId: randomUUID() });
      return ctx.commitWith(probeWrite(randomUUID(), 1));
    });
    expect(first).toBeUndefined();
    const id = randomUUID();
    await expect(
      inWorkspace(deps, systemScope(workspaceId), async (ctx) => {
        await ctx.commitWith(probeWrite(id, 1));
        ctx.emit('customer.created', { customerId: randomUUID() });
      }),
    ).rejects.toThrow(/after the commit/);
  });

  // On PostgreSQL: BEGIN with the settings, the write with its event, and COMMIT in one socket write.
  it.skipIf(!process.env.DATABASE_URL)(
    'leaves in one socket write, and refuses a statement after it',
    async () => {
      const { deps } = withReactions();
      const writes = await countSocketWrites(() =>
        inWorkspace(deps, systemScope(workspaceId), (ctx) => ctx.commitWith(probeWrite(randomUUID(), 1))),
      );
      expect(writes).toBe(1);
      await expect(
        inWorkspace(deps, systemScope(workspaceId), async (ctx) => {
          await ctx.commitWith(probeWrite(randomUUID(), 1));
          await ctx.tx.execute(sql`SELECT 1`);
        }),
      ).rejects.toMatchObject({ cause: { message: 'A statement sent after the commit' } });
    },
  );
});
