import { defineRedirect } from '../../platform/redirects/define-redirect.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadConversation, type ConversationJoinInput } from '../conversations/index.js';
import { promiseReferencedIn } from './references-in.js';

/*
 * Where a customer's new message that quotes a promise's reference belongs: the promise's
 * conversation when the promise was made to this customer; otherwise (a stranger, a forwarded
 * mail, a guessed reference) a conversation of their own, linked to the promise's
 * (`linkedTo`), so a reference never hands anyone another customer's conversation. The email
 * channel applies its own, equivalent rule (the sender takes part in the thread).
 */
export async function conversationToResume(ctx: WorkContext, text: string, customerId: string) {
  const promise = await promiseReferencedIn(ctx, text);
  if (!promise) return null;
  const conversation = await loadConversation(ctx, promise.conversationId);
  return conversation.customerId === customerId
    ? { promise, join: conversation.id, linkedTo: null }
    : { promise, join: null, linkedTo: conversation.id };
}

/** POST /conversations with a customer's message quoting their promise: its conversation. */
export const joinPromiseConversation = defineRedirect<ConversationJoinInput>({
  resource: 'conversation',
  name: 'promises.join-by-reference',
  async find(ctx, input) {
    return (await conversationToResume(ctx, input.text, input.customerId))?.join ?? null;
  },
});
