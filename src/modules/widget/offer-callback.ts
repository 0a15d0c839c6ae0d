import { AppError } from '../../platform/errors.js';
import { createPromise, presentPromise, requestCallback } from '../promises/index.js';
import { pickCoach } from '../workspaces/index.js';
import { hoursOf } from './present-routing.js';
import { visitorsConversation, type VisitorWork } from './visitor-work.js';

export type CallbackInput = { phone?: string; email?: string; window?: { from: string; to: string } };

const hourMs = 3_600_000;
// No member can be excluded here; pickCoach leaves out one id, and this one is nobody's.
const nobody = '00000000-0000-0000-0000-000000000000';

/*
 * Instead of waiting: a call back (routing's callback promise, by phone, in a window) or an email
 * reply (a follow-up promise). Either has a reference the customer can quote. The conversation is
 * not touched, so it keeps its place in the queue. Someone owns the promise: the conversation's
 * assignee, else whoever leads the widget's team or runs the desk. Without a window the next hour
 * is offered, or the first two working hours once the team is back.
 */
export async function offerCallback(
  ctx: VisitorWork,
  conversationId: string,
  input: CallbackInput,
  linkSecret: string,
) {
  if (!input.phone && !input.email) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'Give a phone number to be called back, or an email address for the answer',
      invalidParams: [{ name: 'phone', reason: 'a phone number or an email address is required' }],
    });
  }
  const conversation = await visitorsConversation(ctx, conversationId);
  const ownerId = conversation.assigneeId ?? (await pickCoach(ctx, ctx.widget.teamId, nobody));
  if (!ownerId) throw new AppError('WIDGET_NO_CALLBACK_OWNER');
  const hours = await hoursOf(ctx, ctx.widget);
  const start = hours.backAt ?? new Date();
  const window = input.window ?? {
    from: start.toISOString(),
    to: new Date(start.getTime() + (hours.backAt ? 2 : 1) * hourMs).toISOString(),
  };
  const row = input.phone
    ? await requestCallback(ctx, conversationId, { phone: input.phone, window, ownerId })
    : await createPromise(ctx, {
        conversationId,
        type: 'follow_up',
        ownerId,
        dueAt: window.to,
        terms: `We answer by email at ${input.email} by ${window.to}.`,
      });
  const promise = presentPromise(row, linkSecret);
  return {
    id: promise.id,
    reference: promise.reference,
    type: promise.type,
    status: promise.status,
    terms: promise.terms,
    dueAt: promise.dueAt,
    window: promise.window,
    createdAt: promise.createdAt,
  };
}
