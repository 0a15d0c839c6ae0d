import { findRedirect } from '../../platform/redirects/define-redirect.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { addMessage } from './add-message.js';
import { loadConversation, present } from './conversation-row.js';
import { createConversation, type CreateConversationInput } from './create-conversation.js';

/** What another module is told of a customer's first message, to say where it belongs. */
export type ConversationJoinInput = { customerId: string; text: string };

/**
 * POST /conversations: a customer's first message goes where another module says it belongs
 * (an existing conversation of the same customer, such as the one a promise it quotes was made
 * in; see defineRedirect), as the customer's next message there, reopening it if it was
 * finished; otherwise, and for a member's first message, a new conversation. Joining keeps that
 * conversation's team, priority and assignee: the ones asked for were for a new conversation.
 */
export async function startOrJoin(ctx: WorkContext, input: CreateConversationInput) {
  if ((input.message.role ?? 'customer') === 'customer') {
    const ask: ConversationJoinInput = { customerId: input.customerId, text: input.message.text };
    const target = await findRedirect(ctx, 'conversation', ask);
    if (target) {
      const added = await addMessage(ctx, target, {
        role: 'customer',
        text: input.message.text,
        ...(input.message.channelData ? { channelData: input.message.channelData } : {}),
        ...(input.message.clientId ? { clientId: input.message.clientId } : {}),
      });
      return { ...present(await loadConversation(ctx, target)), firstMessageId: added.id, joined: true };
    }
  }
  return { ...(await createConversation(ctx, input)), joined: false };
}
