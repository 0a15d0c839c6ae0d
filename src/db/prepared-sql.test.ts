import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { prepareSql } from './prepared-sql.js';

describe('prepareSql', () => {
  it('sends a value used several times as one parameter, and constants as their own', () => {
    const prepared = prepareSql<{ at: string; id: string }>(
      (v) => sql`UPDATE t SET a = ${v.at}, b = ${'fixed'}, c = ${v.at} WHERE id = ${v.id} AND d < ${v.at}`,
    );
    const { query } = prepared({ at: '2026-01-01T00:00:00Z', id: 'x' });
    expect(query.sql).toBe('UPDATE t SET a = $1, b = $2, c = $1 WHERE id = $3 AND d < $1');
    expect(query.params).toEqual(['2026-01-01T00:00:00Z', 'fixed', 'x']);
    // The ordinary way, for drivers that take drizzle's SQL, is built from the same values.
    const built = new PgDialect().sqlToQuery(prepared({ at: 'then', id: 'y' }).toSql());
    expect(built.params).toEqual(['then', 'fixed', 'then', 'y', 'then']);
  });

  it('refuses a text holding a parameter of its own rather than renumbering it', () => {
    expect(() => prepareSql<{ a: string }>((v) => sql`SELECT ${v.a}, '$1'`)).toThrow(/\$1 of its own/);
  });
});
