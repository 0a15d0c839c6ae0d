import { isFinished } from '../../conversations/index.js';
import { defineListener } from '../../../platform/events/define-listener.js';
import { deliveryId } from '../../../platform/events/delivery-id.js';
import { scoreConversationJob } from './score-conversation-job.js';

const name = 'quality.enqueue-scoring';

// Scoring hangs off the status change (and a promise broken later, which changes the verdict on a
// finished conversation) rather than running inside it: the agent's request never
// waits for the engine, and the queued job survives a restart. Events arrive at least once, so the
// job's id comes from the event: a second delivery of the same event sends nothing, even after the
// first job has run (and the job is a singleton per conversation while it waits).
export const enqueueScoringListener = defineListener({
  name,
  on: ['conversation.status_changed', 'promise.broken'],
  async handle(event, { jobs }) {
    // The job itself passes over a conversation that is not finished when it runs.
    if (event.type === 'conversation.status_changed' && !isFinished(event.data.to)) return;
    await jobs.send(
      scoreConversationJob,
      { workspaceId: event.workspaceId, conversationId: event.data.conversationId },
      { id: deliveryId(event, name) },
    );
  },
});
