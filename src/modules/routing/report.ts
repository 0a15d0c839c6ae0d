import { and, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { percentile, sumBuckets } from './rollup.js';
import { firstHumanRollup, waitBuckets } from './schema.js';

export type FirstHumanQuery = {
  from: string;
  to: string;
  teamId?: string;
  channel?: string;
  targetSeconds: number;
};

/*
 * Time to first human over days from..to (inclusive, UTC), read from the daily rollup: how many
 * customers got a human, the median and 90th percentile wait (at the histogram's resolution), the
 * share answered within the target, and how many waits ended with no human.
 */
export async function timeToFirstHuman(ctx: WorkContext, q: FirstHumanQuery) {
  const where: SQL[] = [gte(firstHumanRollup.day, q.from), lte(firstHumanRollup.day, q.to)];
  if (q.teamId) where.push(eq(firstHumanRollup.teamId, q.teamId));
  if (q.channel) where.push(eq(firstHumanRollup.channel, q.channel));
  const rows = await ctx.tx
    .select({ buckets: firstHumanRollup.buckets, abandoned: firstHumanRollup.abandoned })
    .from(firstHumanRollup)
    .where(and(...where));
  const buckets = sumBuckets(rows);
  const count = buckets.reduce((a, b) => a + b, 0);
  const within = buckets.slice(0, waitBuckets.indexOf(q.targetSeconds) + 1).reduce((a, b) => a + b, 0);
  return {
    count,
    p50Seconds: percentile(buckets, 0.5),
    p90Seconds: percentile(buckets, 0.9),
    withinTargetShare: count ? within / count : null,
    targetSeconds: q.targetSeconds,
    abandoned: rows.reduce((a, r) => a + r.abandoned, 0),
  };
}
