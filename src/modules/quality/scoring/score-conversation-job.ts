import { z } from 'zod';
import { isFinished } from '../../conversations/index.js';
import { AppError } from '../../../platform/errors.js';
import { defineJob, type JobContext } from '../../../platform/jobs/index.js';
import { inWorkspace, type ScopeDeps } from '../../../platform/tenancy/scope.js';
import { loadConversation } from '../../conversations/index.js';
import { scoreConversation } from './score-conversation.js';

export type QualityJobDeps = ScopeDeps;

export const scoreConversationJob = defineJob({
  name: 'quality.score-conversation',
  schema: z.object({ workspaceId: z.uuid(), conversationId: z.uuid() }),
  handler: async (payload, ctx: JobContext<QualityJobDeps>) => {
    const scope = {
      workspaceId: payload.workspaceId,
      actor: { type: 'system' as const, role: 'owner' as const, userId: null },
    };
    await inWorkspace(ctx, scope, async (work) => {
      try {
        const conversation = await loadConversation(work, payload.conversationId);
        // Reopened before the job ran: it is scored when it finishes again.
        if (!isFinished(conversation.status)) return;
      } catch (err) {
        // Deleted since: nothing to score, and retrying will not bring it back.
        if (err instanceof AppError && err.code === 'CONVERSATION_NOT_FOUND')
          return ctx.logger.warn({ ...payload }, 'conversation gone before scoring');
        throw err;
      }
      await scoreConversation(work, payload.conversationId);
    });
  },
  // While a score for a conversation waits in the queue a second request adds nothing: the queued
  // job reads the conversation as it is when it runs.
  // Scoring one conversation takes well under a second, so a run still active after two minutes
  // died with its process: it is retried then, not after the default quarter of an hour.
  options: {
    policy: 'short',
    singletonKey: (p) => p.conversationId,
    retryLimit: 3,
    expireInSeconds: 120,
  },
});

export const qualityJobs = [scoreConversationJob] as const;
