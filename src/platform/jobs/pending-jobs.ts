import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SendableJob } from './define-job.js';

// The states in which a job will still run: waiting, waiting to retry, or running now.
const pendingStates = ['created', 'retry', 'active'];

/**
 * Which of these singleton keys already have a job of this kind waiting or running, so a sweep
 * can leave them alone. Reads pg-boss's table in its default schema; before the queue has ever
 * started there is no table and nothing is pending.
 */
export async function pendingJobKeys(
  db: Db,
  definition: Pick<SendableJob, 'name'>,
  keys: readonly string[],
  schema = 'pgboss',
): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const table = await db.execute<{ exists: boolean }>(
    sql`SELECT to_regclass(${`${schema}.job`}) IS NOT NULL AS "exists"`,
  );
  if (!rowsOf<{ exists: boolean }>(table)[0]?.exists) return new Set();
  const rows = await db.execute<{ key: string }>(sql`
    SELECT DISTINCT singleton_key AS key FROM ${sql.identifier(schema)}.job
    WHERE name = ${definition.name}
      AND state::text IN (${sql.join(
        pendingStates.map((s) => sql`${s}`),
        sql`, `,
      )})
      AND singleton_key IN (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )})`);
  return new Set(rowsOf<{ key: string }>(rows).map((r) => r.key));
}

// Both drivers answer execute() with { rows }.
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
