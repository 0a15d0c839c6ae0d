import { z } from '@hono/zod-openapi';
import { channels } from '../conversations/index.js';
import { presenceStatuses, waitBuckets } from './schema.js';

export const presenceBody = z
  .object({ status: z.enum(presenceStatuses) })
  .strict()
  .openapi('PresenceInput');

export const presenceSchema = z
  .object({
    userId: z.uuid(),
    status: z.enum(presenceStatuses),
    lastSeenAt: z.string(),
    returned: z.number().int().openapi({ description: 'Unanswered offers given back to their queues' }),
  })
  .openapi('Presence');

const day = z.iso.date();

export const firstHumanQuery = z
  .object({
    from: day,
    to: day,
    teamId: z.uuid().optional(),
    channel: z.enum(channels).optional(),
    targetSeconds: z.coerce
      .number()
      .int()
      .refine((s) => waitBuckets.includes(s), `must be one of ${waitBuckets.join(', ')}`)
      .default(60),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

export const firstHumanReport = z
  .object({
    count: z.number().int().openapi({ description: 'Customers who got a human' }),
    p50Seconds: z.number().int().nullable(),
    p90Seconds: z.number().int().nullable(),
    withinTargetShare: z.number().nullable(),
    targetSeconds: z.number().int(),
    abandoned: z.number().int().openapi({ description: 'Waits that ended with no human' }),
  })
  .openapi('TimeToFirstHuman');
