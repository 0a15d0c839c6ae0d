import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';

export const callEventTypes = [
  'started',
  'queued',
  'ivr',
  'answered',
  'hold',
  'unhold',
  'transfer',
  'ended',
  'recording',
  'transcript',
] as const;
export type CallEventType = (typeof callEventTypes)[number];

const segment = z.object({
  speaker: z.enum(['customer', 'agent']),
  text: z.string().min(1).max(20_000),
  /** Seconds from the call's start. */
  start: z.number().min(0).optional(),
  end: z.number().min(0).optional(),
});

const callback = z
  .object({
    window: z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }),
    /** The number to call back; the caller's own when absent. */
    phone: z.string().max(40).optional(),
    ownerId: z.uuid().optional(),
  })
  .openapi('PhoneCallbackRequest');

/** Earshot's own call event: what any telephony system (or an adapter for one) posts. */
export const callEventSchema = z
  .object({
    callId: z.string().min(1).max(200),
    type: z.enum(callEventTypes),
    at: z.iso.datetime({ offset: true }),
    from: z.string().min(1).max(40),
    to: z.string().max(40).optional(),
    /** The sender's id for this event; without it the event's own fields make its key. */
    eventId: z.string().min(1).max(200).optional(),
    /** A member's user id: a human on the call. Absent on `answered`, the call was answered by a machine. */
    agentId: z.uuid().optional(),
    queue: z.string().max(200).optional(),
    position: z.number().int().min(0).optional(),
    digits: z.string().max(64).optional(),
    note: z.string().max(5_000).optional(),
    cause: z.string().max(200).optional(),
    /** For `transfer`: who takes the call (a member's id), or the queue it goes to. */
    toAgentId: z.uuid().optional(),
    // Shown to agents as a link: web addresses only.
    recordingUrl: z
      .url({ protocol: /^https?$/ })
      .max(2_000)
      .optional(),
    transcript: z.object({ segments: z.array(segment).min(1).max(5_000) }).optional(),
    callback: callback.optional(),
  })
  .openapi('PhoneCallEvent');
export type CallEvent = z.infer<typeof callEventSchema>;

export const callEventsBody = z.union([callEventSchema, z.array(callEventSchema).min(1).max(500)]);

/*
 * The key that makes an event idempotent within its call: the sender's eventId when it gives one,
 * otherwise a hash of everything the event says, so the same event sent twice is one event and
 * two events that differ in anything (a second hold at another time) are two.
 */
export function eventKey(event: CallEvent): string {
  if (event.eventId) return `id:${event.eventId}`;
  // The time as an instant, so "…Z" and "…+00:00" are one event.
  const canonical = stable({ ...event, at: Date.parse(event.at) });
  return `h:${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}

const stable = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(stable).join(',')}]`
    : value && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(value);
