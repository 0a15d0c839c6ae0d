import { z } from 'zod';

// Timestamps arrive from many systems: wall-clock ISO strings from chat exports, millisecond
// offsets from call recorders. Both are accepted; the engine only ever compares them.
const timeSchema = z.union([z.iso.datetime({ offset: true, local: true }), z.number().nonnegative()]);

export const channelSchema = z.enum(['chat', 'email', 'phone', 'social', 'review', 'api']);
export const roleSchema = z.enum(['customer', 'agent', 'bot', 'system']);
export const eventTypeSchema = z.enum([
  'hold',
  'transfer',
  'ivr',
  'verified',
  'redirect',
  'callback_offered',
  'callback_missed',
  'promise_broken',
  'article_shared',
  'feedback_logged',
  'resolved',
  'closed',
]);

// Other systems attach whatever they know about the customer; every value must still be text so
// a repeat-ask can be matched against it.
const knownSchema = z
  .object({
    email: z.string().optional(),
    phone: z.string().optional(),
    account: z.string().optional(),
    orderId: z.string().optional(),
    address: z.string().optional(),
    name: z.string().optional(),
  })
  .catchall(z.string());

const customerSchema = z.strictObject({
  name: z.string().optional(),
  known: knownSchema.optional(),
  verified: z.boolean().optional(),
});

const turnSchema = z.strictObject({
  role: roleSchema,
  text: z.string(),
  at: timeSchema.optional(),
  agent: z.string().optional(),
  overlap: z.boolean().optional(),
});

// Events keep unknown extras (queue names, transfer targets, IVR menu ids) because they are
// useful to the people reading the result even when the engine ignores them.
const eventSchema = z.looseObject({
  type: eventTypeSchema,
  at: timeSchema.optional(),
  durationSeconds: z.number().nonnegative().optional(),
  afterTurn: z.number().int().min(-1).optional(),
  method: z.string().optional(),
  note: z.string().optional(),
  loop: z.boolean().optional(),
  warm: z.boolean().optional(),
});

export const transcriptSchema = z
  .strictObject({
    id: z.string().optional(),
    channel: channelSchema,
    customer: customerSchema.optional(),
    turns: z.array(turnSchema).min(1),
    events: z.array(eventSchema).optional(),
  })
  .superRefine((t, ctx) => {
    t.events?.forEach((event, i) => {
      if (event.afterTurn !== undefined && event.afterTurn >= t.turns.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', i, 'afterTurn'],
          message: `Refers to turn ${event.afterTurn} but the transcript has ${t.turns.length} turns`,
        });
      }
    });
  });

export type Transcript = z.infer<typeof transcriptSchema>;
export type Turn = Transcript['turns'][number];
export type TranscriptEvent = NonNullable<Transcript['events']>[number];
export type Role = z.infer<typeof roleSchema>;
export type Channel = z.infer<typeof channelSchema>;
