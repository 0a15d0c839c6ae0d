import { z } from 'zod';
import { defineEvents, type PayloadsOf } from '../../platform/events/define-events.js';
import { capacityKinds, itemStates, presenceStatuses } from './schema.js';

export const routingEvents = defineEvents({
  // A conversation's place changed (queued, offered, assigned, left the queue): realtime clients
  // re-read positions and estimates of that team's queue.
  'routing.changed': z.object({
    conversationId: z.uuid(),
    teamId: z.uuid().nullable(),
    state: z.enum(itemStates),
    agentId: z.uuid().nullable(),
    // The agent who no longer holds it: their capacity freed.
    freedAgentId: z.uuid().nullable(),
  }),
  'routing.presence_changed': z.object({
    userId: z.uuid(),
    from: z.enum(presenceStatuses),
    to: z.enum(presenceStatuses),
    returned: z.number().int(),
  }),
  // An agent's calls in progress changed: with none, their phone capacity is free again.
  'routing.phone_line_changed': z.object({ userId: z.uuid(), calls: z.number().int() }),
  // A person assigned beyond the agent's capacity: allowed, and on the record.
  'routing.over_capacity': z.object({
    conversationId: z.uuid(),
    userId: z.uuid(),
    kind: z.enum(capacityKinds),
    load: z.number().int(),
    capacity: z.number().int(),
  }),
});

declare module '../../platform/events/define-events.js' {
  interface ModuleEvents extends PayloadsOf<typeof routingEvents> {}
}
