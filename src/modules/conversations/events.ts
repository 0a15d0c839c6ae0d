import { z } from 'zod';
import { authorKinds } from './author-kind.js';
import { channels, conversationStatuses, messageRoles, priorities } from './schema.js';
import { defineEvents, type PayloadsOf } from '../../platform/events/define-events.js';

const subject = { conversationId: z.uuid(), displayId: z.number().int() };
const holder = z.object({ userId: z.uuid().nullable(), teamId: z.uuid().nullable() });
// The skills it needs (routing keeps them with the conversation's place in its queue).
const skills = z
  .array(z.object({ skill: z.string(), minLevel: z.number().int(), preferred: z.boolean() }))
  .optional();

export const conversationEvents = defineEvents({
  'conversation.created': z.object({
    ...subject,
    customerId: z.uuid(),
    channel: z.enum(channels),
    messageId: z.uuid(),
    skills,
  }),
  'conversation.message_added': z.object({
    ...subject,
    messageId: z.uuid(),
    role: z.enum(messageRoles),
    // Who wrote it (see author-kind.ts): only 'human' is a person's reply. Absent on events
    // written before it was named; their role tells (an 'agent' message was a human's).
    authorKind: z.enum(authorKinds).optional(),
    internal: z.boolean(),
    text: z.string(),
    // No human had answered the conversation before this message (a customer's message: still
    // none has), so it may start or end a wait for a first human. Those that cannot are most
    // messages, and followers of waits skip them without a read.
    awaitingHuman: z.boolean(),
    // Its place in the conversation (absent on events written before messages had one).
    seq: z.number().int().optional(),
    // The conversation's channel, so a channel's listener skips the others' messages without a
    // read (absent on events written before it was carried).
    channel: z.enum(channels).optional(),
  }),
  'conversation.assigned': z.object({
    ...subject,
    fromUserId: z.uuid().nullable(),
    toUserId: z.uuid().nullable(),
  }),
  'conversation.transferred': z.object({
    ...subject,
    note: z.string(),
    from: holder,
    to: holder,
    verified: z.boolean(),
    // Given with the transfer: they replace the ones it needed before.
    skills,
  }),
  'conversation.status_changed': z.object({
    ...subject,
    from: z.enum(conversationStatuses),
    to: z.enum(conversationStatuses),
  }),
  // Routing reorders its queue in the same transaction; service levels choose the policy again.
  'conversation.priority_changed': z.object({
    ...subject,
    from: z.enum(priorities),
    to: z.enum(priorities),
  }),
  'conversation.verified': z.object({ ...subject, method: z.string() }),
  // The customer asked for a person (a chat widget's "Talk to a person").
  'conversation.human_requested': z.object(subject),
  // A member answered the customer live outside the messages (took their call): a human reply at
  // `answeredAt` for first-reply times and service levels.
  'conversation.human_answered': z.object({
    ...subject,
    agentId: z.uuid(),
    via: z.enum(['call']),
    answeredAt: z.string(),
  }),
});

declare module '../../platform/events/define-events.js' {
  interface ModuleEvents extends PayloadsOf<typeof conversationEvents> {}
}
