import { defineModule } from '../../platform/modules/define-module.js';
import { enqueueScoringListener } from './scoring/enqueue-scoring-listener.js';
import { qualityErrors } from './errors.js';
import { qualityEvents } from './events.js';
import { qualityPermissions } from './permissions.js';
import { qualityRoutes } from './routes.js';
import { loadEngine } from './scoring/load-engine.js';
import { scoreConversationJob } from './scoring/score-conversation-job.js';
import { sweepUnscoredJob } from './scoring/sweep-unscored-job.js';

// Scores finished conversations, keeps scorecards and coaching tasks, and checks drafts.
export const qualityModule = defineModule({
  name: 'quality',
  routes: qualityRoutes,
  jobs: [scoreConversationJob, sweepUnscoredJob],
  listeners: [enqueueScoringListener],
  permissions: qualityPermissions,
  errors: qualityErrors,
  events: qualityEvents,
  warmUp: loadEngine,
});

export { scoreConversationJob } from './scoring/score-conversation-job.js';
export { reviewAgents, scoreConversation, scoreConversations } from './scoring/score-conversation.js';
export { scoreCallTranscript } from './scoring/score-call-transcript.js';
export type { CallTurn } from './schema.js';
