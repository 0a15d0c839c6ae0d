import { z } from 'zod';
import { defineEvents, type PayloadsOf } from '../../platform/events/define-events.js';

export const reviewEvents = defineEvents({
  // A posted delivery was stored raw: its items are read by a job (process-delivery-job.ts).
  'reviews.delivery_received': z.object({ deliveryId: z.uuid(), sourceId: z.uuid() }),
  // A review or mention became a case: its conversation and follow-up exist.
  'reviews.case_opened': z.object({
    itemId: z.uuid(),
    conversationId: z.uuid(),
    promiseId: z.uuid(),
    reason: z.string(),
  }),
  // A rating edited upward after the follow-up: the case it came from is recovered.
  'reviews.recovered': z.object({
    itemId: z.uuid(),
    conversationId: z.uuid(),
    from: z.number(),
    to: z.number(),
  }),
  // The pull connector's credentials were refused: the source fetches nothing until an
  // administrator enters new ones. Every connected member's app hears it (realtime), and the
  // administrators' Settings show the source in red.
  'reviews.source_needs_reauth': z.object({
    sourceId: z.uuid(),
    name: z.string(),
    error: z.string(),
  }),
});

declare module '../../platform/events/define-events.js' {
  interface ModuleEvents extends PayloadsOf<typeof reviewEvents> {}
}
