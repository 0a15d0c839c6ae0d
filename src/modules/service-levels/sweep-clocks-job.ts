import { and, asc, eq, lte, type AnyColumn } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob, type JobContext } from '../../platform/jobs/index.js';
import { inWorkspace, type ScopeDeps, type WorkContext } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { breach, clocksFor, lockState, openTargets, save, warn } from './clocks.js';
import { slaTargets } from './schema.js';

// Clocks looked at per question per round; a sweep repeats rounds until one comes back short.
const batchSize = 200;
const maxRounds = 25;

export type SweepResult = { breached: number; warned: number };

/*
 * The timer behind every clock, kept in the targets table itself: a running clock's due time and
 * its 80% mark are indexed columns, and each minute this sweep asks for the running ones past
 * either (two index ranges, across every workspace, as the database owner). Nothing lives in
 * memory, so a restart loses nothing: the first sweep after it settles what fell due while no
 * worker ran. Each conversation is then settled in its own workspace's transaction, under its
 * service-level row lock, with its events written in the same transaction.
 */
export async function sweepClocks(deps: ScopeDeps, now = new Date()): Promise<SweepResult> {
  const result: SweepResult = { breached: 0, warned: 0 };
  for (let round = 0; round < maxRounds; round++) {
    const due = new Map<string, string>();
    let full = false;
    for (const moment of [slaTargets.dueAt, slaTargets.warnAt]) {
      const rows = await runningPast(deps.db, moment, now);
      full ||= rows.length === batchSize;
      for (const row of rows) due.set(row.conversationId, row.workspaceId);
    }
    for (const [conversationId, workspaceId] of due) {
      const settled = await inWorkspace(deps, systemScope(workspaceId), (ctx) =>
        settleConversation(ctx, conversationId, now),
      );
      result.breached += settled.breached;
      result.warned += settled.warned;
    }
    if (!full) break;
  }
  return result;
}

/** Running clocks past one of their moments; each question is one partial index's range. */
export const runningPast = (db: ScopeDeps['db'], moment: AnyColumn, now: Date) =>
  db
    .select({ conversationId: slaTargets.conversationId, workspaceId: slaTargets.workspaceId })
    .from(slaTargets)
    .where(and(eq(slaTargets.status, 'active'), lte(moment, now)))
    .orderBy(asc(moment))
    .limit(batchSize);

// What time has done to one conversation's running clocks by `now`; twice changes nothing.
async function settleConversation(ctx: WorkContext, conversationId: string, now: Date) {
  const result = { breached: 0, warned: 0 };
  const state = await lockState(ctx, conversationId);
  if (!state) return result;
  const c = await clocksFor(ctx, state);
  for (const t of await openTargets(c)) {
    if (t.status !== 'active') continue;
    if (t.dueAt && t.dueAt <= now) {
      await breach(c, t);
      result.breached++;
    } else if (t.warnAt && t.warnAt <= now) {
      await warn(c, t, now);
      result.warned++;
    }
  }
  await save(c);
  return result;
}

export const sweepClocksJob = defineJob({
  name: 'service-levels.sweep',
  schema: z.object({}),
  handler: async (_payload, ctx: JobContext<ScopeDeps>) => {
    const settled = await sweepClocks(ctx);
    if (settled.breached + settled.warned) ctx.logger.info(settled, 'service-level clocks settled');
  },
  // Every minute (cron's finest step): a breach is known within a minute of its time. One sweep
  // waits at a time, and a failed one is not retried: the next minute's covers it.
  options: { schedule: '* * * * *', policy: 'short', retryLimit: 0, expireInSeconds: 120 },
});
