import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/test-db.js';
import type { DbHandle } from './client.js';
import { sqlLiteral } from './sql-literal.js';

let handle: DbHandle;
beforeAll(async () => void (handle = await openTestDb()));
afterAll(() => handle.close());

describe('sqlLiteral', () => {
  it('reads back exactly what was written, whatever the string holds', async () => {
    const values = [
      '',
      "it's",
      "'; DROP TABLE workspaces; --",
      'C:\\path\\to',
      "\\'; SELECT 1; --",
      '{"text":"a \\"quoted\\" line\\nand \\\\ more"}',
      'ünïcödé ✓ 🎧',
    ];
    for (const value of values) {
      const result = (await handle.db.execute(
        sql.raw(`SELECT ${sqlLiteral(value)}::text AS v`),
      )) as unknown as {
        rows: { v: string }[];
      };
      expect(result.rows[0]!.v).toBe(value);
    }
  });

  it('refuses a NUL character, which PostgreSQL text cannot hold', () => {
    expect(() => sqlLiteral('a\0b')).toThrow(/NUL/);
  });
});
