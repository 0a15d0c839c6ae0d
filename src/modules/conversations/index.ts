import { defineModule } from '../../platform/modules/define-module.js';
import { conversationErrors } from './errors.js';
import { conversationEvents } from './events.js';
import { followCustomerMerge } from './follow-customer-merge.js';
import { conversationPermissions } from './permissions.js';
import { conversationRoutes } from './routes.js';

// Conversations, their messages and timeline, assignment, transfers and identity verification.
export const conversationsModule = defineModule({
  name: 'conversations',
  routes: conversationRoutes,
  permissions: conversationPermissions,
  errors: conversationErrors,
  events: conversationEvents,
  reactions: [followCustomerMerge],
});

export { loadConversation, promiseEntry } from './conversation-row.js';
export {
  addChannelMessage,
  findConversationByDisplayId,
  mergeMessageChannelData,
  openConversationFromChannel,
} from './channel-messages.js';
export { assignConversation, assignIfFree } from './assign-conversation.js';
export { replaceCallEntries } from './call-entries.js';
export { conversationToJoin } from './conversation-to-join.js';
export { verifyIdentity } from './verify-identity.js';
export { recordHumanAnswer } from './record-human-answer.js';
export { getConversation } from './get-conversation.js';
export { isHumanReply, type AuthorKind } from './author-kind.js';
export { lastHumanReplies } from './last-human-replies.js';
export { listFinishedConversations, type FinishedConversation } from './list-finished-conversations.js';
export { isFinished, channels, type Channel, type Priority, type SkillRequirement } from './schema.js';
export { proposeMessage, type Proposal } from './propose-message.js';
export type { ConversationJoinInput } from './start-or-join.js';
export { requestHuman } from './request-human.js';
export {
  conversationStartedWith,
  conversationsOfCustomers,
  customerMessage,
  customerMessagesAfter,
  messageByClientId,
  type CustomerMessage,
} from './customer-messages.js';
