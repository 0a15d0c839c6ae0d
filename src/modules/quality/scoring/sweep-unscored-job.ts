import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { listFinishedConversations, type FinishedConversation } from '../../conversations/index.js';
import { qualityScores } from '../schema.js';
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
  const window = {
    from: new Date(now.getTime() - lookBackDays * 86_400_000),
    to: new Date(now.getTime() - graceMinutes * 60_000),
    limit: batchSize,
  };
  const missed: FinishedConversation[] = [];
  for (let after: FinishedConversation | undefined; missed.length < batchSize;) {
    const page = await listFinishedConversations(deps.db, { ...window, after });
    const scored = await scoredAmong(
      deps.db,
      page.map((c) => c.conversationId),
    );
    missed.push(...page.filter((c) => !scored.has(c.conversationId)));
    if (page.length < batchSize) break;
    after = page.at(-1);
  }
  const pending = await pendingJobKeys(
    deps.db,
    scoreConversationJob,
    missed.map((m) => m.conversationId),
  );
  const due = missed
    .slice(0, batchSize)
    .filter((m) => !pending.has(m.conversationId))
    .map(({ workspaceId, conversationId }) => ({ workspaceId, conversationId }));
  if (due.length && !deps.jobs) throw new Error('The scoring sweep needs a job sender');
  for (const conversation of due) await deps.jobs!.send(scoreConversationJob, conversation);
  return due.length;
}

// Across every workspace: the job runs as the database owner, outside any workspace's scope.
async function scoredAmong(db: SweepDeps['db'], conversationIds: string[]): Promise<Set<string>> {
  if (!conversationIds.length) return new Set();
  const rows = await db
    .select({ id: qualityScores.conversationId })
    .from(qualityScores)
    .where(inArray(qualityScores.conversationId, conversationIds));
  return new Set(rows.map((r) => r.id));
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
