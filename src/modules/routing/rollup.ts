import { sql } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { firstHumanRollup, waitBuckets } from './schema.js';

export const noTeam = '00000000-0000-0000-0000-000000000000';

export const bucketOf = (seconds: number) => {
  const i = waitBuckets.findIndex((bound) => seconds <= bound);
  return i === -1 ? waitBuckets.length : i;
};

/*
 * Adds one ended wait to its day's row: a first human after `seconds`, or (seconds null) a wait
 * that ended with no human. An upsert adds to the counters in place, so concurrent waits ending
 * the same day, team and channel all count.
 */
export async function recordWait(
  ctx: WorkContext,
  wait: { at: Date; teamId: string | null; channel: string; seconds: number | null },
  /** -1 takes back a wait recorded before (a call whose late events changed its outcome). */
  weight: 1 | -1 = 1,
) {
  const buckets = new Array<number>(waitBuckets.length + 1).fill(0);
  if (wait.seconds !== null) buckets[bucketOf(wait.seconds)] = weight;
  const answered = wait.seconds === null ? 0 : weight;
  const seconds = Math.max(0, Math.round(wait.seconds ?? 0)) * weight;
  await ctx.tx
    .insert(firstHumanRollup)
    .values({
      workspaceId: ctx.workspaceId,
      day: wait.at.toISOString().slice(0, 10),
      teamId: wait.teamId ?? noTeam,
      channel: wait.channel,
      count: answered,
      totalSeconds: seconds,
      buckets,
      abandoned: wait.seconds === null ? weight : 0,
    })
    .onConflictDoUpdate({
      target: [
        firstHumanRollup.workspaceId,
        firstHumanRollup.day,
        firstHumanRollup.teamId,
        firstHumanRollup.channel,
      ],
      set: {
        count: sql`${firstHumanRollup.count} + excluded.count`,
        totalSeconds: sql`${firstHumanRollup.totalSeconds} + excluded.total_seconds`,
        // Element-wise sum of the two histograms.
        buckets: sql`(SELECT array_agg(a + b ORDER BY i) FROM unnest(${firstHumanRollup.buckets}, excluded.buckets) WITH ORDINALITY AS t(a, b, i))`,
        abandoned: sql`${firstHumanRollup.abandoned} + excluded.abandoned`,
      },
    });
}

/** Sums histograms of several rows. */
export function sumBuckets(rows: readonly { buckets: number[] }[]) {
  const total = new Array<number>(waitBuckets.length + 1).fill(0);
  for (const row of rows) row.buckets.forEach((n, i) => (total[i]! += n));
  return total;
}

/**
 * The wait within which a share of the answered waits fell, at the histogram's resolution: the
 * upper bound of the bucket that reaches the share (the open last bucket reads as twice the last
 * bound). Null without waits.
 */
export function percentile(buckets: readonly number[], share: number): number | null {
  const count = buckets.reduce((a, b) => a + b, 0);
  if (!count) return null;
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i]!;
    if (seen >= share * count) return waitBuckets[i] ?? waitBuckets.at(-1)! * 2;
  }
  return waitBuckets.at(-1)! * 2;
}
