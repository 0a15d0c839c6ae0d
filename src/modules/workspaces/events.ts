import { z } from 'zod';
import { roles } from './schema.js';
import { defineEvents, type PayloadsOf } from '../../platform/events/define-events.js';

const count = z.number().int().min(0);
const capacity = z.object({ chat: count, email: count, phone: count, social: count });

export const workspaceEvents = defineEvents({
  // Their API keys stop working in the same transaction (identity reacts).
  'member.removed': z.object({ userId: z.uuid() }),
  // A role, capacity or skills change (routing offers more work when a capacity grows or a skill
  // is learnt).
  'member.updated': z.object({
    userId: z.uuid(),
    role: z.enum(roles).optional(),
    capacity: capacity.optional(),
    skills: z.array(z.object({ skill: z.string(), level: z.number().int() })).optional(),
  }),
  'team.updated': z.object({
    teamId: z.uuid(),
    name: z.string(),
    autoAssign: z.boolean(),
    preferredSkillsWaitSeconds: z.number().int().optional(),
  }),
});

declare module '../../platform/events/define-events.js' {
  interface ModuleEvents extends PayloadsOf<typeof workspaceEvents> {}
}
