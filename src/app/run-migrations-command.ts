import { sql } from 'drizzle-orm';
import type { DbHandle } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import type { AppDeps } from '../platform/http/app-env.js';

export async function runMigrations(deps: AppDeps) {
  const before = await appliedCount(deps.handle);
  await migrate(deps.handle);
  const after = await appliedCount(deps.handle);
  return { database: deps.handle.kind, applied: after - before, total: after };
}

// drizzle's migrators (both drivers) record each applied migration in this table.
async function appliedCount(handle: DbHandle): Promise<number> {
  const [exists] = await rows<{ ok: boolean }>(
    handle,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok`,
  );
  if (!exists?.ok) return 0;
  const [count] = await rows<{ n: number }>(
    handle,
    sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
  );
  return count?.n ?? 0;
}

async function rows<T>(handle: DbHandle, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await handle.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
