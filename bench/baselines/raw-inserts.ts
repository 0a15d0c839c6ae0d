import { randomUUID } from 'node:crypto';
import type { DbHandle } from '../../src/db/client.js';

export type InsertRate = { rows: number; elapsedMs: number; rowsPerSecond: number };
export type Window = { warmupMs: number; durationMs: number };
export type RawInserts = {
  singleRow(window: Window): Promise<InsertRate>;
  batched(window: Window): Promise<InsertRate>;
  close(): Promise<void>;
};

const TABLE = 'bench_raw_messages';
const COLUMNS = [
  'workspace_id',
  'conversation_id',
  'seq',
  'role',
  'author_id',
  'text',
  'internal',
  'created_at',
];

// Straight through the driver the app uses (the pg.Pool or the one PGlite instance), without
// drizzle, the transaction or row-level security: the floor under what one API message costs.
function queryFn(handle: DbHandle): (text: string, values: unknown[]) => Promise<unknown> {
  return handle.kind === 'pg' ? (t, v) => handle.pool.query(t, v) : (t, v) => handle.pglite.query(t, v);
}

const insertSql = (rows: number) => {
  const tuples = Array.from(
    { length: rows },
    (_, r) => `(${COLUMNS.map((_, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`,
  );
  return `INSERT INTO ${TABLE} (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`;
};

// `inserters` loops run concurrently for a fixed time; only rows committed inside the measured
// window count.
async function measure(
  inserters: number,
  { warmupMs, durationMs }: Window,
  insertOnce: () => Promise<number>,
): Promise<InsertRate> {
  const from = performance.now() + warmupMs;
  const until = from + durationMs;
  let rows = 0;
  await Promise.all(
    Array.from({ length: inserters }, async () => {
      while (performance.now() < until) {
        const n = await insertOnce();
        const now = performance.now();
        if (now >= from && now < until) rows += n;
      }
    }),
  );
  return { rows, elapsedMs: durationMs, rowsPerSecond: (rows / durationMs) * 1000 };
}

export async function prepareRawInserts(
  handle: DbHandle,
  options: { inserters: number; batchSize: number },
): Promise<RawInserts> {
  const query = queryFn(handle);
  // The same columns, defaults and indexes as messages; no foreign keys or policies, which are
  // part of what the API pays and the baseline deliberately leaves out.
  await query(`DROP TABLE IF EXISTS ${TABLE}`, []);
  await query(`CREATE TABLE ${TABLE} (LIKE messages INCLUDING DEFAULTS INCLUDING INDEXES)`, []);
  // Ids need not exist: the copy has no foreign keys.
  const workspaceId = randomUUID();
  const authorId = randomUUID();
  const conversationIds = Array.from({ length: options.inserters }, () => randomUUID());
  let counter = 0;
  const row = () => {
    const n = ++counter;
    return [
      workspaceId,
      conversationIds[n % conversationIds.length],
      // Unique within each conversation, as the messages' own sequence numbers are.
      n,
      'agent',
      authorId,
      `Thanks for waiting, update ${n}`,
      false,
      new Date(),
    ];
  };
  const single = insertSql(1);
  const batch = insertSql(options.batchSize);
  return {
    singleRow: (window) =>
      measure(options.inserters, window, async () => {
        await query(single, row());
        return 1;
      }),
    batched: (window) =>
      measure(options.inserters, window, async () => {
        await query(batch, Array.from({ length: options.batchSize }, row).flat());
        return options.batchSize;
      }),
    close: async () => {
      await query(`DROP TABLE IF EXISTS ${TABLE}`, []);
    },
  };
}
