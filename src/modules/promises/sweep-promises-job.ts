import { and, asc, eq, lte, type AnyColumn } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob, type JobContext } from '../../platform/jobs/index.js';
import { inWorkspace, type ScopeDeps } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { promises } from './schema.js';
import { settleDue, type Settled } from './settle-due.js';

// Promises settled per question per round; a sweep repeats rounds until one comes back short.
const batchSize = 200;
const maxRounds = 25;

export type SweepResult = Record<Exclude<Settled, null>, number>;

/*
 * The timer behind every promise, kept in the promises table itself: an open promise's expiry,
 * breaking time and reminder are columns, and each minute this sweep asks for the open ones past
 * each (three index ranges on (status, moment), across every workspace, as the database owner).
 * Nothing lives in memory, so a restart loses nothing: the first sweep after it settles whatever
 * fell due while no worker ran. Each promise is then settled in its own workspace's transaction,
 * under its row lock, with the event written in the same transaction.
 */
export async function sweepPromises(deps: ScopeDeps, now = new Date()): Promise<SweepResult> {
  const result: SweepResult = { expired: 0, broken: 0, reminded: 0 };
  for (let round = 0; round < maxRounds; round++) {
    const due = new Map<string, string>();
    let full = false;
    for (const moment of [promises.expiresAt, promises.breaksAt, promises.remindAt]) {
      const rows = await openPast(deps.db, moment, now);
      full ||= rows.length === batchSize;
      for (const row of rows) due.set(row.id, row.workspaceId);
    }
    for (const [id, workspaceId] of due) {
      const settled = await inWorkspace(deps, systemScope(workspaceId), (ctx) => settleDue(ctx, id, now));
      if (settled) result[settled]++;
    }
    if (!full) break;
  }
  return result;
}

/** Open promises past one of their moments; each is served by an index on (status, moment). */
export const openPast = (db: ScopeDeps['db'], moment: AnyColumn, now: Date) =>
  db
    .select({ id: promises.id, workspaceId: promises.workspaceId })
    .from(promises)
    .where(and(eq(promises.status, 'open'), lte(moment, now)))
    .orderBy(asc(moment))
    .limit(batchSize);

export const sweepPromisesJob = defineJob({
  name: 'promises.sweep',
  schema: z.object({}),
  handler: async (_payload, ctx: JobContext<ScopeDeps>) => {
    const settled = await sweepPromises(ctx);
    if (settled.expired + settled.broken + settled.reminded) ctx.logger.info(settled, 'promises settled');
  },
  // Every minute (cron's finest step): a promise breaks within a minute of its time. One sweep
  // waits at a time, and a failed one is not retried: the next minute's covers it.
  options: { schedule: '* * * * *', policy: 'short', retryLimit: 0, expireInSeconds: 120 },
});
