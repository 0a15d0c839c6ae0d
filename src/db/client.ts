import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { prepareStatements } from './prepare-statements.js';

// One type for both drivers so every module has a single code path.
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type PgliteHandle = { kind: 'pglite'; db: Db; pglite: PGlite; close(): Promise<void> };
export type PostgresHandle = { kind: 'pg'; db: Db; pool: pg.Pool; close(): Promise<void> };
export type DbHandle = PgliteHandle | PostgresHandle;

// int8 as a JS number on both drivers (PGlite already does this).
pg.types.setTypeParser(20, (v) => Number(v));

export async function openPglite(
  options: { dataDir?: string; loadDataDir?: Blob } = {},
): Promise<PgliteHandle> {
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm },
  });
  const db = drizzlePglite(pglite) as unknown as Db;
  return { kind: 'pglite', db, pglite, close: () => pglite.close() };
}

export function openPostgres(connectionString: string, max = 10): PostgresHandle {
  // Pipelined: a query is sent without waiting for the one before it to be answered, which lets a
  // transaction's BEGIN travel with its first statement (see workspaceTransaction).
  // Idle connections are kept (idleTimeoutMillis 0): closing them after a quiet spell saved little,
  // and arming and clearing the pool's idle timer on every release and checkout was a few per cent
  // of the server's CPU on the busiest write. At most `max` connections stay open.
  const pool = new pg.Pool({ connectionString, max, pipeline: true, idleTimeoutMillis: 0 });
  pool.on('error', () => {
    // An idle client dropped by the server is replaced by the pool on next use.
  });
  pool.on('connect', prepareStatements);
  const db = drizzlePg(pool) as unknown as Db;
  return { kind: 'pg', db, pool, close: () => pool.end() };
}
