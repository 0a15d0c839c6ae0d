import { z } from 'zod';
import { lifecycleStatuses } from './schema.js';
import { defineEvents, type PayloadsOf } from '../../platform/events/define-events.js';

export const customerEvents = defineEvents({
  'customer.created': z.object({ customerId: z.uuid() }),
  'customer.updated': z.object({ customerId: z.uuid(), lifecycleStatus: z.enum(lifecycleStatuses) }),
  'customer.merged': z.object({
    sourceId: z.uuid(),
    sourceName: z.string(),
    targetId: z.uuid(),
    targetName: z.string(),
    identities: z.array(z.string()),
    conversationCount: z.number().int(),
  }),
});

declare module '../../platform/events/define-events.js' {
  interface ModuleEvents extends PayloadsOf<typeof customerEvents> {}
}
