import { z } from 'zod';
import { defineEvents, type PayloadsOf } from '../../platform/events/define-events.js';
import { targetKinds } from './schema.js';

// Every service-level event names the conversation, the target and its policy, so a listener
// (the inbox, supervisors' alerts, the quality engine) needs no read to act on it.
const subject = {
  conversationId: z.uuid(),
  targetId: z.uuid(),
  kind: z.enum(targetKinds),
  policyId: z.uuid(),
};

export const serviceLevelEvents = defineEvents({
  /** 80% of the target's working time is gone and it is still running. */
  'sla.warning': z.object({ ...subject, dueAt: z.string() }),
  /** Its due time passed before it was met. */
  'sla.breached': z.object({ ...subject, dueAt: z.string() }),
  /** A human answered in time, or the conversation was resolved in time. */
  'sla.met': z.object({ ...subject, metAt: z.string(), dueAt: z.string().nullable() }),
});

declare module '../../platform/events/define-events.js' {
  interface ModuleEvents extends PayloadsOf<typeof serviceLevelEvents> {}
}
