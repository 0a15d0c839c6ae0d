import { defineListener } from '../../platform/events/define-listener.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { queueReply } from './queue-reply.js';

// A member's or a bot's reply (never an internal note) on an email conversation becomes a queued mail; the
// mail's row is keyed by the message, so however often the event comes, one mail goes. A
// conversation's channel never changes, so the one its event names is the one queueReply would read.
export const sendReplyListener = defineListener({
  name: 'email.send-reply',
  on: ['conversation.message_added'],
  async handle(event, deps) {
    const { role, channel } = event.data;
    if ((role !== 'agent' && role !== 'bot') || event.data.internal) return;
    // Another channel's conversation: nothing to send, and no transaction opened to learn it (an
    // event without its channel, written before it was carried, is looked up as before).
    if (channel !== undefined && channel !== 'email') return;
    await inWorkspace(deps, systemScope(event.workspaceId), (ctx) =>
      queueReply(ctx, {
        conversationId: event.data.conversationId,
        messageId: event.data.messageId,
        text: event.data.text,
      }),
    );
  },
});
