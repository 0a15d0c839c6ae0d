import { z } from '@hono/zod-openapi';

const when = z.string().openapi({ format: 'date-time' });

export const createLineBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** Any format; stored in E.164. */
    number: z.string().min(3).max(40),
    teamId: z.uuid().nullable().optional(),
    /** Who calls back a caller who asks for it before anyone has the call. */
    callbackOwnerId: z.uuid().nullable().optional(),
    /** Twilio's auth token, to check the signature of its status callbacks; never shown again. */
    twilioAuthToken: z.string().min(8).max(200).nullable().optional(),
  })
  .openapi('CreatePhoneLine');

export const updateLineBody = createLineBody
  .partial()
  .extend({ rotateSecret: z.boolean().optional() })
  .openapi('UpdatePhoneLine');

export const lineSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    number: z.string(),
    teamId: z.uuid().nullable(),
    callbackOwnerId: z.uuid().nullable(),
    secret: z.string(),
    twilio: z.object({ authTokenSet: z.boolean() }),
    createdAt: when,
    updatedAt: when,
  })
  .openapi('PhoneLine');

export const lineListSchema = z.object({ data: z.array(lineSchema) }).openapi('PhoneLineList');

export const eventsAcceptedSchema = z
  .object({
    requestId: z.uuid(),
    accepted: z.number().int(),
    duplicates: z.number().int(),
    calls: z.array(
      z.object({
        callId: z.string(),
        conversationId: z.uuid().nullable(),
        status: z.string(),
      }),
    ),
  })
  .openapi('PhoneEventsAccepted');
