import { z } from 'zod';
import { coachingTaskStatuses } from './schema.js';
import { defineEvents, type PayloadsOf } from '../../platform/events/define-events.js';

export const qualityEvents = defineEvents({
  'conversation.scored': z.object({
    conversationId: z.uuid(),
    displayId: z.number().int(),
    agentId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    overall: z.number().int(),
    road: z.number().int(),
    flags: z.record(z.string(), z.boolean()),
  }),
  'quality.coaching_task_created': z.object({
    taskId: z.uuid(),
    agentId: z.uuid(),
    teamId: z.uuid().nullable(),
    assigneeId: z.uuid().nullable(),
    reason: z.string(),
  }),
  'quality.coaching_task_updated': z.object({
    taskId: z.uuid(),
    agentId: z.uuid(),
    from: z.enum(coachingTaskStatuses),
    to: z.enum(coachingTaskStatuses),
  }),
  'quality.rubric_changed': z.object({ overrides: z.record(z.string(), z.unknown()) }),
});

declare module '../../platform/events/define-events.js' {
  interface ModuleEvents extends PayloadsOf<typeof qualityEvents> {}
}
