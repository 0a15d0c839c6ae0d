import { z } from '@hono/zod-openapi';
import { dateTime, text } from '../../platform/http/input-schemas.js';
import { alertKinds, attemptOutcomes, closers, promiseStatuses, promiseTypes } from './schema.js';

const window = z
  .object({ from: dateTime(), to: dateTime() })
  .strict()
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), { message: 'must end after it starts', path: ['to'] })
  .openapi('PromiseWindowInput');

export const createPromiseBody = z
  .object({
    conversationId: z.uuid(),
    type: z.enum(promiseTypes),
    ownerId: z.uuid().openapi({ description: 'The member who keeps it, and is reminded and told' }),
    dueAt: dateTime().optional().openapi({ description: 'When it is due; or send a window' }),
    window: window.optional().openapi({ description: 'When it is due, as a window (a callback slot)' }),
    terms: text({ min: 1, max: 5_000 }).openapi({
      description: 'What was promised, as the customer reads it',
    }),
    expiresAt: dateTime()
      .optional()
      .openapi({ description: 'Quotes and coupons: when the offer ends; an open one then expires' }),
  })
  .strict()
  .refine((p) => (p.dueAt === undefined) !== (p.window === undefined), {
    message: 'send either dueAt or window, not both',
    path: ['dueAt'],
  })
  .refine((p) => p.expiresAt === undefined || p.type === 'quote' || p.type === 'coupon', {
    message: 'only quotes and coupons expire',
    path: ['expiresAt'],
  })
  .openapi('CreatePromiseInput');

export const listPromisesQuery = z
  .object({
    status: z.enum(promiseStatuses).optional(),
    ownerId: z.uuid().optional(),
    type: z.enum(promiseTypes).optional(),
    conversationId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const lookupQuery = z
  .object({
    reference: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(64)
      .openapi({ description: 'Either form, any case, with or without separators', example: 'K7M-Q4PD' }),
  })
  .strict();

export const promiseSchema = z
  .object({
    id: z.uuid(),
    reference: z.string().openapi({ example: 'K7M-Q4PD' }),
    referenceDigits: z.string().openapi({ description: 'The same reference for a phone keypad' }),
    conversationId: z.uuid(),
    type: z.enum(promiseTypes),
    ownerId: z.uuid(),
    status: z.enum(promiseStatuses),
    terms: z.string(),
    dueAt: z.string().nullable(),
    window: z.object({ from: z.string(), to: z.string() }).nullable(),
    expiresAt: z.string().nullable(),
    breaksAt: z.string().openapi({ description: 'When it becomes broken if still open' }),
    remindAt: z.string().nullable(),
    remindedAt: z.string().nullable(),
    renewalRequestedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    closedBy: z.enum(closers).nullable(),
    closedById: z.uuid().nullable(),
    createdById: z.uuid().nullable(),
    createdAt: z.string(),
    link: z
      .string()
      .nullable()
      .openapi({ description: "Quotes: the customer's signed page, to read and accept without logging in" }),
    callback: z
      .object({
        phone: z.string().openapi({ description: 'The number to call, international format' }),
        maxAttempts: z.number().int(),
        attempts: z.number().int().openapi({ description: 'Tries made so far' }),
      })
      .nullable()
      .openapi({ description: 'Callbacks: whom to call and the tries it has left' }),
  })
  .openapi('Promise');

export const callbackBody = z
  .object({
    phone: text({ min: 3, max: 40 }).openapi({ example: '+44 20 7946 0958' }),
    window: window.openapi({ description: 'When the customer expects the call' }),
    ownerId: z
      .uuid()
      .optional()
      .openapi({ description: "Who calls back; by default the conversation's assignee, else the caller" }),
    maxAttempts: z
      .number()
      .int()
      .min(1)
      .max(10)
      .optional()
      .openapi({ description: 'Tries before it is broken; 3' }),
    terms: text({ min: 1, max: 5_000 }).optional().openapi({ description: 'As the customer reads it' }),
  })
  .strict()
  .openapi('CallbackRequest');

export const attemptBody = z
  .object({
    outcome: z.enum(attemptOutcomes).openapi({ description: '`reached` keeps the callback' }),
    note: text({ min: 1, max: 2_000 }).optional(),
  })
  .strict()
  .openapi('CallbackAttemptInput');

export const attemptListSchema = z
  .object({
    data: z.array(
      z.object({
        id: z.uuid(),
        outcome: z.enum(attemptOutcomes),
        note: z.string().nullable(),
        byId: z.uuid().nullable(),
        createdAt: z.string(),
      }),
    ),
  })
  .openapi('CallbackAttemptList');

export const promiseListSchema = z
  .object({ data: z.array(promiseSchema), nextCursor: z.string().nullable() })
  .openapi('PromiseList');

export const conversationPromisesSchema = z
  .object({ data: z.array(promiseSchema) })
  .openapi('ConversationPromises');

export const quoteParams = z.object({
  reference: z
    .string()
    .max(16)
    .openapi({ param: { name: 'reference', in: 'path' }, example: 'K7MQ4PD' }),
});

export const quoteAnswerForm = z.object({ answer: z.enum(['accept', 'renew']) }).openapi('QuoteAnswerForm');

export const listAlertsQuery = z
  .object({
    recipientId: z.uuid().optional().openapi({
      description: "A member's alerts; without it, the caller's and those addressed to nobody",
    }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const alertSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(alertKinds).openapi({ description: "'promise_broken': a member's promise was broken" }),
    recipientId: z
      .uuid()
      .nullable()
      .openapi({ description: "The owner's supervisor; null when the desk has no one above the owner" }),
    proposedMessageId: z.uuid().nullable().openapi({
      description:
        'The draft to the customer proposed on the conversation with it (an internal note, not sent)',
    }),
    createdAt: z.string(),
    promise: promiseSchema,
  })
  .openapi('Alert');

export const alertListSchema = z
  .object({ data: z.array(alertSchema), nextCursor: z.string().nullable() })
  .openapi('AlertList');
