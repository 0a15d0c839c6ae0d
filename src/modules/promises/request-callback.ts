import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadConversation } from '../conversations/index.js';
import { normalizeIdentity } from '../customers/index.js';
import { createPromise } from './create-promise.js';

export type CallbackRequest = {
  phone: string;
  window: { from: string; to: string };
  ownerId?: string;
  maxAttempts?: number;
  terms?: string;
};

export const defaultMaxAttempts = 3;

/*
 * A callback is a promise to call the customer in a window, instead of keeping them on hold. It
 * belongs to whoever is named, else to the conversation's assignee, else to the member asking.
 * The conversation stays where it is: a waiting one keeps its place in its queue (routing does not
 * follow promises), so the customer loses nothing by hanging up.
 */
export async function requestCallback(ctx: WorkContext, conversationId: string, input: CallbackRequest) {
  const phone = normalizeIdentity('phone', input.phone);
  if ('error' in phone) {
    throw new AppError('VALIDATION_FAILED', { invalidParams: [{ name: 'phone', reason: phone.error }] });
  }
  const conversation = await loadConversation(ctx, conversationId);
  const ownerId = input.ownerId ?? conversation.assigneeId ?? ctx.actor.userId;
  if (!ownerId) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'Name the member who will call back',
      invalidParams: [{ name: 'ownerId', reason: 'required when the conversation has no assignee' }],
    });
  }
  return createPromise(ctx, {
    conversationId,
    type: 'callback',
    ownerId,
    window: input.window,
    terms:
      input.terms ??
      `We call you back on ${phone.displayValue} between ${input.window.from} and ${input.window.to}.`,
    callback: { phone: phone.value, maxAttempts: input.maxAttempts ?? defaultMaxAttempts },
  });
}
