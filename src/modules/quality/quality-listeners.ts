import { isFinished } from '../../db/schema.js';
import type { EventBus } from '../../platform/events/domain-events.js';
import type { JobQueue } from '../../platform/jobs/index.js';
import { scoreConversationJob } from './score-conversation-job.js';

// Scoring hangs off the status change rather than running inside it: the agent's request never
// waits for the engine, and the queued job survives a restart.
export function registerQualityListeners(
  deps: { events: EventBus },
  jobs: Pick<JobQueue<any>, 'send'>,
): () => void {
  return deps.events.on('conversation.status_changed', async (event) => {
    if (!isFinished(event.data.to)) return;
    await jobs.send(scoreConversationJob, {
      workspaceId: event.workspaceId,
      conversationId: String(event.data.conversationId),
    });
  });
}
