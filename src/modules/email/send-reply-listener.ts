import { defineListener } from '../../platform/events/define-listener.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { queueReply } from './queue-reply.js';

// A member's or a bot's reply (never an internal note) on an email conversation becomes a queued mail; the
// mail's row is keyed by the message, so however often the event comes, one mail goes.
export const sendReplyListener = defineListener({
  name: 'email.send-reply',
  on: ['conversation.message_added'],
  async handle(event, deps) {
    const { role } = event.data;
    if ((role !== 'agent' && role !== 'bot') || event.data.internal) return;
    await inWorkspace(deps, systemScope(event.workspaceId), (ctx) =>
      queueReply(ctx, {
        conversationId: event.data.conversationId,
        messageId: event.data.messageId,
        text: event.data.text,
      }),
    );
  },
});
