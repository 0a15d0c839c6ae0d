import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/test-db.js';
import type { DbHandle } from './client.js';

// Only PostgreSQL connections prepare statements; the embedded database answers in-process.
const onPostgres = Boolean(process.env.DATABASE_URL);
let handle: DbHandle;
beforeAll(async () => void (handle = await openTestDb()));
afterAll(() => handle.close());

describe.skipIf(!onPostgres)('statements prepared by name on each PostgreSQL connection', () => {
  it('prepares a parameterised text once and reuses it, with the right answers each time', async () => {
    if (handle.kind !== 'pg') throw new Error('expected PostgreSQL');
    const client = await handle.pool.connect();
    try {
      const db = (await import('drizzle-orm/node-postgres')).drizzle(client);
      const marker = `probe-${Date.now()}`;
      const answers: unknown[] = [];
      for (const n of [1, 2, 3]) {
        const result = await db.execute(sql`SELECT ${n}::int * 2 AS twice, ${marker}::text AS marker`);
        answers.push(result.rows[0]);
      }
      expect(answers).toEqual([1, 2, 3].map((n) => ({ twice: n * 2, marker })));
      const prepared = await client.query(
        `SELECT name FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int * 2%'`,
      );
      expect(prepared.rows).toHaveLength(1);
      expect(prepared.rows[0].name).toMatch(/^e_/);
      // Several commands in one simple-protocol query still work: they are never named.
      const both = (await client.query('SELECT 1 AS a; SELECT 2 AS b')) as unknown as unknown[];
      expect(both).toHaveLength(2);
    } finally {
      client.release();
    }
  });
});
