import { z } from 'zod';
import { defineEvents, type PayloadsOf } from '../../platform/events/define-events.js';

export const emailEvents = defineEvents({
  // The raw message is committed; parsing and threading follow as a job.
  'email.received': z.object({ inboundId: z.uuid(), mailboxId: z.uuid() }),
  // A mail to send is composed and kept; the delivery job follows.
  'email.outbound_queued': z.object({ outboundId: z.uuid() }),
});

declare module '../../platform/events/define-events.js' {
  interface ModuleEvents extends PayloadsOf<typeof emailEvents> {}
}
