import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';

const journal = new URL('../../db/migrations/meta/_journal.json', import.meta.url);

// Every start applies pending migrations, but a full migrate() on an up-to-date database costs
// about a second on PGlite (it re-reads every migration and re-applies the tenancy policies).
// drizzle records each applied migration with its journal timestamp and runs exactly those
// newer than the last recorded one; when none is newer there is nothing to do.
export async function ensureMigrated(handle: DbHandle): Promise<{ applied: boolean }> {
  if (await isUpToDate(handle)) return { applied: false };
  await migrate(handle);
  return { applied: true };
}

async function isUpToDate(handle: DbHandle): Promise<boolean> {
  const entries = (JSON.parse(readFileSync(journal, 'utf8')) as { entries: { when: number }[] }).entries;
  const newest = Math.max(...entries.map((e) => e.when));
  try {
    const result = (await handle.db.execute(
      sql`SELECT max(created_at) AS last FROM drizzle.__drizzle_migrations`,
    )) as unknown as {
      rows: { last: number | string | null }[];
    };
    const last = Number(result.rows[0]?.last ?? 0);
    return last >= newest;
  } catch {
    // No migrations table yet: a new database.
    return false;
  }
}
