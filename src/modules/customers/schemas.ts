import { z } from '@hono/zod-openapi';
import { identityTypes, lifecycleStatuses } from './schema.js';
import { atLeastOneField, dateTime, moneyCents, text } from '../../platform/http/input-schemas.js';

export const identityInput = z
  .object({ type: z.enum(identityTypes), value: text({ min: 1, max: 320 }) })
  .strict();

const attributes = z
  .record(
    text({ max: 100, trim: false }),
    z.union([text({ max: 2000, trim: false }), z.number(), z.boolean(), z.null()]),
  )
  .refine((r) => Object.keys(r).length <= 100, 'at most 100 attributes');

export const createCustomerBody = z
  .object({
    name: text({ min: 1, max: 200 }),
    identities: z.array(identityInput).max(50).default([]),
    attributes: attributes.optional(),
    lifetimeValueCents: moneyCents().optional(),
    lifecycleStatus: z.enum(lifecycleStatuses).optional(),
    customerSince: dateTime().optional(),
  })
  .strict()
  .openapi('CreateCustomerInput');

export const updateCustomerBody = atLeastOneField(
  z
    .object({
      name: text({ min: 1, max: 200 }).optional(),
      attributes: attributes.optional(),
      lifetimeValueCents: moneyCents().optional(),
      lifecycleStatus: z.enum(lifecycleStatuses).optional(),
      addIdentities: z.array(identityInput).max(50).optional(),
      removeIdentityIds: z.array(z.uuid()).max(50).optional(),
    })
    .strict(),
).openapi('UpdateCustomerInput');

export const mergeBody = z
  .object({ sourceId: z.uuid().openapi({ description: 'The duplicate profile to fold into this one' }) })
  .strict();

export const listCustomersQuery = z
  .object({
    identity: text({ min: 1, max: 320, trim: false }).optional(),
    q: text({ min: 1, max: 200, trim: false }).optional(),
    status: z.enum(lifecycleStatuses).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const identitySchema = z
  .object({
    id: z.uuid(),
    type: z.enum(identityTypes),
    value: z.string(),
    displayValue: z.string(),
    createdAt: z.string(),
  })
  .openapi('Identity');

export const customerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    attributes: z.record(z.string(), z.unknown()),
    lifetimeValueCents: z.number().int(),
    lifecycleStatus: z.enum(lifecycleStatuses),
    customerSince: z.string(),
    lostAt: z.string().nullable(),
    mergedIntoId: z.uuid().nullable(),
    identities: z.array(identitySchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Customer');

export const historyEntrySchema = z.object({
  action: z.string(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const customerDetailSchema = customerSchema
  .extend({ conversationCount: z.number().int(), history: z.array(historyEntrySchema) })
  .openapi('CustomerDetail');

export const customerListSchema = z
  .object({ data: z.array(customerSchema), nextCursor: z.string().nullable() })
  .openapi('CustomerList');
