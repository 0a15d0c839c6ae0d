import { z } from 'zod';
import { defineEvents, type PayloadsOf } from '../../platform/events/define-events.js';

export const emailEvents = defineEvents({
  // The raw message is committed; parsing and threading follow as a job.
  'email.received': z.object({ inboundId: z.uuid(), mailboxId: z.uuid() }),
});

declare module '../../platform/events/define-events.js' {
  interface ModuleEvents extends PayloadsOf<typeof emailEvents> {}
}
