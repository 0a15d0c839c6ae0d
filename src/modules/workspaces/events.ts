import { z } from 'zod';
import { defineEvents, type PayloadsOf } from '../../platform/events/define-events.js';

export const workspaceEvents = defineEvents({
  // Their API keys stop working in the same transaction (identity reacts).
  'member.removed': z.object({ userId: z.uuid() }),
});

declare module '../../platform/events/define-events.js' {
  interface ModuleEvents extends PayloadsOf<typeof workspaceEvents> {}
}
