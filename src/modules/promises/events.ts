import { z } from 'zod';
import { defineEvents, type PayloadsOf } from '../../platform/events/define-events.js';
import { attemptOutcomes, closers, mentionOutcomes, promiseTypes } from './schema.js';

// Every promise event names the promise, its conversation and its owner, so a listener (the
// owner's notifications, the quality engine's Road 4, reports) needs no read to act on it.
const subject = {
  promiseId: z.uuid(),
  reference: z.string(),
  conversationId: z.uuid(),
  type: z.enum(promiseTypes),
  ownerId: z.uuid(),
};

export const promiseEvents = defineEvents({
  'promise.created': z.object({ ...subject, breaksAt: z.string(), expiresAt: z.string().nullable() }),
  'promise.kept': z.object({ ...subject, by: z.enum(closers), byUserId: z.uuid().nullable() }),
  'promise.cancelled': z.object({ ...subject, byUserId: z.uuid().nullable() }),
  /** Still open at its due time plus the grace: a Road-4 event for quality and reports. */
  'promise.broken': z.object({ ...subject, dueAt: z.string(), breaksAt: z.string() }),
  'promise.expired': z.object({ ...subject, expiresAt: z.string() }),
  /** A member tried to call back; `attempt` counts from 1. */
  'promise.callback_attempted': z.object({
    ...subject,
    outcome: z.enum(attemptOutcomes),
    attempt: z.number().int(),
  }),
  /** The owner should act before the due time. */
  'promise.reminder_due': z.object({ ...subject, dueAt: z.string() }),
  /**
   * A customer's message quoted the promise's reference: it was brought to its owner. `participant`:
   * the promise's own customer (else a stranger's message, kept apart in its own conversation).
   */
  'promise.referenced': z.object({
    ...subject,
    messageId: z.uuid(),
    inConversationId: z.uuid(),
    participant: z.boolean(),
    outcome: z.enum(mentionOutcomes),
  }),
  /** A customer asked for an expired quote again (from its link, or by quoting its reference). */
  'promise.renewal_requested': z.object({ ...subject, expiresAt: z.string() }),
});

declare module '../../platform/events/define-events.js' {
  interface ModuleEvents extends PayloadsOf<typeof promiseEvents> {}
}
