import { and, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { conversations, qualityScores } from '../../../db/schema.js';
import type { AppDeps } from '../../../platform/http/app-env.js';
import { defineJob, pendingJobKeys, type JobContext } from '../../../platform/jobs/index.js';
import { scoreConversationJob } from './score-conversation-job.js';

export type SweepDeps = Pick<AppDeps, 'db' | 'jobs'>;

// A finished conversation is left this long for the listener to queue its score before the
// sweep counts it as missed, and is looked for this long afterwards.
const graceMinutes = 5;
const lookBackDays = 7;
// Enough for a burst of resolves lost in one crash; the rest wait for the next sweep.
const batchSize = 500;

/**
 * Finds finished conversations with no score and no scoring job waiting or running, and queues
 * one for each. The status-change listener queues scoring after the commit, so a crash between
 * the two (or a resolve retried after one, which changes no status and queues nothing) would
 * otherwise leave a conversation unscored for good.
 */
export async function sweepUnscored(deps: SweepDeps, now = new Date()): Promise<number> {
  const finishedAt = sql`coalesce(${conversations.resolvedAt}, ${conversations.lastActivityAt})`;
  // Across every workspace: the job runs as the database owner, outside any workspace's scope.
  const missed = await deps.db
    .select({ workspaceId: conversations.workspaceId, conversationId: conversations.id })
    .from(conversations)
    .leftJoin(qualityScores, eq(qualityScores.conversationId, conversations.id))
    .where(
      and(
        inArray(conversations.status, ['resolved', 'closed']),
        isNull(qualityScores.id),
        lt(finishedAt, new Date(now.getTime() - graceMinutes * 60_000)),
        gt(finishedAt, new Date(now.getTime() - lookBackDays * 86_400_000)),
      ),
    )
    .orderBy(finishedAt)
    .limit(batchSize);
  const pending = await pendingJobKeys(
    deps.db,
    scoreConversationJob,
    missed.map((m) => m.conversationId),
  );
  const due = missed.filter((m) => !pending.has(m.conversationId));
  if (due.length && !deps.jobs) throw new Error('The scoring sweep needs a job sender');
  for (const conversation of due) await deps.jobs!.send(scoreConversationJob, conversation);
  return due.length;
}

export const sweepUnscoredJob = defineJob({
  name: 'quality.sweep-unscored',
  schema: z.object({}),
  handler: async (_payload, ctx: JobContext<SweepDeps>) => {
    const queued = await sweepUnscored(ctx);
    if (queued) ctx.logger.warn({ queued }, 'queued scoring for finished conversations that had none');
  },
  // One sweep waits at a time; a failed one is not retried, the next one covers it.
  options: { schedule: '*/10 * * * *', policy: 'short', retryLimit: 0, expireInSeconds: 300 },
});
