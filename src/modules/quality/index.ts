// What the rest of the application uses from the quality module.
export { qualityJobs, scoreConversationJob, type QualityJobDeps } from './score-conversation-job.js';
export { registerQualityListeners } from './quality-listeners.js';
export { qualityRoutes } from './routes.js';
export { reviewAgents, scoreConversation, scoreConversations } from './score-conversation.js';
