import { isFinished } from '../../../db/schema.js';
import { defineListener } from '../../../platform/events/define-listener.js';
import { scoreConversationJob } from './score-conversation-job.js';

// Scoring hangs off the status change rather than running inside it: the agent's request never
// waits for the engine, and the queued job survives a restart. Sending twice is harmless: the job
// is a singleton per conversation while it waits.
export const enqueueScoringListener = defineListener({
  name: 'quality.enqueue-scoring',
  on: ['conversation.status_changed'],
  async handle(event, { jobs }) {
    if (!isFinished(event.data.to)) return;
    await jobs.send(scoreConversationJob, {
      workspaceId: event.workspaceId,
      conversationId: event.data.conversationId,
    });
  },
});
