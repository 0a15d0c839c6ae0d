import { sql } from 'drizzle-orm';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { DbHandle } from './client.js';
import { applyTenancyPolicies } from './tenancy-policies.js';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// Several processes may start against one PostgreSQL at once; only one migrates at a time.
const MIGRATION_LOCK = 7_244_061;

export async function migrate(handle: DbHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    await applyTenancyPolicies(handle.db);
    return;
  }
  const client = await handle.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(handle.db as unknown as NodePgDatabase, { migrationsFolder });
    await applyTenancyPolicies(handle.db);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

export async function isMigrated(handle: DbHandle): Promise<boolean> {
  const rows = await handle.db.execute(sql`SELECT to_regclass('public.workspaces') IS NOT NULL AS ok`);
  return Boolean((rows as unknown as { rows: { ok: boolean }[] }).rows?.[0]?.ok);
}
