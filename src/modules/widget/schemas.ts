import { z } from '@hono/zod-openapi';
import { atLeastOneField, dateTime, text } from '../../platform/http/input-schemas.js';

// The admin's side: the widget's settings.

export const widgetSchema = z
  .object({
    workspaceKey: z
      .string()
      .openapi({ description: 'Public: the data-workspace of the script tag', example: 'wk_…' }),
    enforceSignature: z
      .boolean()
      .openapi({ description: 'Only customers whose id the site signed may chat' }),
    anonymousAllowed: z.boolean().openapi({ description: 'Visitors who are not signed in may chat' }),
    signingSecret: z.string().openapi({
      description: "Signs customers' ids on the host site: signature = hex HMAC-SHA256(secret, customerId)",
    }),
    previousSecretValidUntil: z
      .string()
      .nullable()
      .openapi({ description: 'After a rotation, until when the previous secret still verifies' }),
    teamId: z.uuid().nullable().openapi({ description: "The team whose queue the widget's chats join" }),
    calendarId: z
      .uuid()
      .nullable()
      .openapi({ description: 'Working hours the widget shows (when the team is back)' }),
    callbackOfferAfterSeconds: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('ChatWidget');

export const updateWidgetBody = atLeastOneField(
  z
    .object({
      enforceSignature: z.boolean().optional(),
      anonymousAllowed: z.boolean().optional(),
      teamId: z.uuid().nullable().optional(),
      calendarId: z.uuid().nullable().optional(),
      callbackOfferAfterSeconds: z.number().int().min(0).max(86_400).optional(),
      rotateSecret: z
        .literal(true)
        .optional()
        .openapi({ description: 'Issue a new signing secret; the old one keeps verifying for 24 hours' }),
    })
    .strict(),
).openapi('ChatWidgetChange');

// The visitor's side.

const isoOrNull = z.string().nullable();

export const widgetConfigQuery = z.object({
  workspaceKey: text({ min: 1, max: 100 }).openapi({ param: { name: 'workspaceKey', in: 'query' } }),
});

export const widgetConfigSchema = z
  .object({
    workspaceName: z.string(),
    anonymousAllowed: z.boolean(),
    enforceSignature: z.boolean(),
    online: z.boolean().openapi({ description: 'A person of the team is online now (never a guess)' }),
    agentsWithRoom: z.boolean().openapi({ description: 'One of them could take a chat at once' }),
    withinHours: z.boolean(),
    backAt: isoOrNull.openapi({ description: 'Outside working hours: when they resume' }),
    timeZone: z.string().nullable().openapi({ description: "The working hours' time zone" }),
    callbackOfferAfterSeconds: z.number().int(),
  })
  .openapi('WidgetConfig');

export const sessionBody = z
  .object({
    workspaceKey: text({ min: 1, max: 100 }),
    customerId: text({ min: 1, max: 200 })
      .optional()
      .openapi({ description: "The host site's id for the customer" }),
    signature: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits (HMAC-SHA256)')
      .optional()
      .openapi({ description: 'hex HMAC-SHA256(signingSecret, customerId)' }),
    name: text({ min: 1, max: 200 }).optional(),
    email: z.email().max(320).optional(),
    visitorId: text({ min: 1, max: 500 }).optional().openapi({
      description:
        'An anonymous visitor: the visitorId a previous session gave, to come back as the same customer',
    }),
  })
  .strict()
  .openapi('WidgetSessionRequest');

export const sessionSchema = z
  .object({
    token: z.string().openapi({ description: 'The visitor token: Authorization: Bearer <token>' }),
    customerId: z.uuid(),
    verified: z.boolean(),
    expiresAt: z.string(),
    visitorId: z.string().nullable().openapi({ description: 'Anonymous visitors: keep it to come back' }),
  })
  .openapi('WidgetSession');

const waitRange = z.object({ minSeconds: z.number().int(), maxSeconds: z.number().int() });

export const visitorRoutingSchema = z
  .object({
    state: z.enum(['queued', 'offered', 'assigned', 'unrouted', 'done']),
    position: z.number().int().nullable().openapi({ description: 'While queued: 1 = next' }),
    estimatedWait: waitRange.nullable(),
    enqueuedAt: isoOrNull,
    waitedSeconds: z.number().int().nullable(),
  })
  .openapi('VisitorRouting');

export const visitorMessageSchema = z
  .object({
    id: z.uuid(),
    seq: z.number().int(),
    role: z.enum(['customer', 'agent', 'bot', 'system']),
    text: z.string(),
    createdAt: z.string(),
    clientId: z.string().nullable(),
    authorName: z.string().nullable(),
  })
  .openapi('VisitorMessage');

const conversationFields = {
  id: z.uuid(),
  status: z.string(),
  channel: z.string(),
  verified: z.boolean(),
  routing: visitorRoutingSchema,
  offerCallback: z
    .boolean()
    .openapi({ description: 'Offer a callback or an email reply instead of waiting' }),
  backAt: isoOrNull,
  lastSeq: z.number().int(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
};

export const visitorConversationSchema = z
  .object({
    ...conversationFields,
    verification: z.object({ method: z.string().nullable(), verifiedAt: z.string() }).nullable(),
    timeZone: z.string().nullable(),
  })
  .openapi('VisitorConversation');

export const startedConversationSchema = visitorConversationSchema
  .extend({ message: visitorMessageSchema })
  .openapi('VisitorConversationStarted');

export const visitorConversationListSchema = z
  .object({ items: z.array(z.object({ ...conversationFields, subject: z.string().nullable() })) })
  .openapi('VisitorConversationList');

export const visitorMessageBody = z
  .object({
    text: text({ min: 1, max: 10_000 }),
    clientId: text({ min: 1, max: 100 }).openapi({
      description: "The widget's id for this message: sending it again returns the first, never a copy",
    }),
  })
  .strict()
  .openapi('VisitorMessageRequest');

export const messagesQuery = z.object({
  after: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .openapi({ param: { name: 'after', in: 'query' }, description: 'The last seq the widget has' }),
});

export const visitorMessageListSchema = z
  .object({
    items: z.array(visitorMessageSchema),
    lastSeq: z.number().int(),
    hasMore: z.boolean(),
  })
  .openapi('VisitorMessageList');

export const humanRequestSchema = z.object({ routing: visitorRoutingSchema }).openapi('VisitorHumanRequest');

export const visitorCallbackBody = z
  .object({
    phone: text({ min: 3, max: 40 }).optional().openapi({ description: 'Call me back on this number' }),
    email: z.email().max(320).optional().openapi({ description: 'Or answer me by email' }),
    window: z
      .object({ from: dateTime(), to: dateTime() })
      .strict()
      .refine((w) => Date.parse(w.from) < Date.parse(w.to), {
        message: 'must end after it starts',
        path: ['to'],
      })
      .optional(),
  })
  .strict()
  .openapi('VisitorCallbackRequest');

export const visitorPromiseSchema = z
  .object({
    id: z.uuid(),
    reference: z.string().openapi({ description: 'Quote it to find this promise again' }),
    type: z.enum(['callback', 'follow_up', 'quote', 'coupon']),
    status: z.string(),
    terms: z.string(),
    dueAt: isoOrNull,
    window: z.object({ from: z.string(), to: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('VisitorPromise');
