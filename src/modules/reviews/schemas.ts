import { z } from '@hono/zod-openapi';
import { atLeastOneField, text } from '../../platform/http/input-schemas.js';
import { reviewItemInput } from './item-contract.js';
import { sourceStatuses } from './schema.js';

const pullInput = z
  .object({
    url: text({ min: 1, max: 2000 }).refine((v) => /^https?:\/\/\S+$/i.test(v), 'must be an http(s) URL'),
    token: text({ min: 1, max: 4000 }).openapi({ description: 'Sent as a bearer token; stored sealed' }),
  })
  .strict()
  .openapi('ReviewPullInput', {
    description:
      'A feed Earshot polls every two minutes (GET url?since=<ISO time>, answering in the item contract)',
  });

const settings = {
  visibility: z.number().int().min(0).max(2_000_000_000).nullable().optional().openapi({
    description:
      "Readers of the site's page of reviews in a month: a review's reach when its author has fewer followers",
  }),
  followUpOwnerId: z.uuid().nullable().optional().openapi({
    description:
      "Who owns a case's follow-up; default the desk's lead (supervisors, then admins, then owners)",
  }),
  followUpHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional()
    .openapi({ description: 'Default 24' }),
};

export const createSourceBody = z
  .object({
    name: text({ min: 1, max: 200 }).openapi({ example: 'Trustpilot' }),
    source: text({ min: 1, max: 100 }).openapi({
      example: 'trustpilot',
      description: 'The site or network; every item posted here must name it',
    }),
    ...settings,
    pull: pullInput.optional(),
  })
  .strict()
  .openapi('CreateReviewSourceInput');

export const updateSourceBody = atLeastOneField(
  z
    .object({
      name: text({ min: 1, max: 200 }).optional(),
      ...settings,
      pull: pullInput.nullable().optional().openapi({
        description: 'New credentials make a needs_reauth source active again; null stops polling',
      }),
    })
    .strict(),
).openapi('UpdateReviewSourceInput');

export const sourceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    source: z.string(),
    secret: z.string().openapi({ description: 'Bearer secret for POST /channels/reviews/{id}/items' }),
    status: z.enum(sourceStatuses).openapi({
      description:
        'needs_reauth: the feed refused the credentials; nothing is fetched until new ones are given',
    }),
    lastError: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
    visibility: z.number().int().nullable(),
    followUpOwnerId: z.uuid().nullable(),
    followUpHours: z.number().int(),
    pull: z
      .object({
        url: z.string(),
        checkpoint: z
          .string()
          .nullable()
          .openapi({ description: 'The newest item time taken from the feed' }),
        lastPollAt: z.string().nullable(),
        lastSuccessAt: z.string().nullable(),
      })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ReviewSource');

export const sourceListSchema = z.object({ data: z.array(sourceSchema) }).openapi('ReviewSourceList');

export const itemsDelivery = z
  .union([
    z.object({ items: z.array(reviewItemInput), backfill: z.boolean().optional() }).strict(),
    z.array(reviewItemInput),
  ])
  .openapi('ReviewItemsDelivery', {
    description:
      'Up to 1,000 items. Each is checked on its own: a bad one is answered rejected and costs the others nothing. backfill: true records old items without opening cases.',
  });

export const itemResultSchema = z
  .object({
    index: z.number().int(),
    line: z.number().int().optional(),
    externalId: z.string().optional(),
    result: z.enum(['created', 'updated', 'unchanged', 'rejected']),
    reason: z.string().optional(),
    itemId: z.uuid().optional(),
  })
  .openapi('ReviewItemResult');

const itemCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});

export const acceptedSchema = z
  .object({
    deliveryId: z.uuid().openapi({ description: 'The raw delivery, kept as it came' }),
    status: z.literal('accepted'),
    items: z.number().int().openapi({ description: 'Items in the batch, each read and kept by a job' }),
    backfill: z.boolean(),
  })
  .openapi('ReviewItemsAccepted');

export const deliveryParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  deliveryId: z.uuid().openapi({ param: { name: 'deliveryId', in: 'path' } }),
});

export const deliverySchema = z
  .object({
    deliveryId: z.uuid(),
    via: z.enum(['webhook', 'pull', 'csv']),
    receivedAt: z.string(),
    state: z.enum(['pending', 'processed', 'refused']).openapi({
      description:
        'pending: stored, its items not read yet; processed: each item has its outcome; refused: the body was not a batch (error says why), nothing was kept but the raw',
    }),
    error: z.string().nullable(),
    backfill: z.boolean(),
    counts: itemCounts.nullable(),
    results: z.array(itemResultSchema).nullable(),
  })
  .openapi('ReviewDelivery');

const identity = z.object({ type: z.enum(['social', 'email']), value: z.string() });

export const itemSchema = z
  .object({
    id: z.uuid(),
    source: z.string(),
    externalId: z.string(),
    author: z.object({
      handle: z.string(),
      name: z.string().nullable(),
      url: z.string().nullable(),
      email: z.string().nullable(),
      followers: z.number().int().nullable(),
    }),
    rating: z.number().nullable(),
    ratingScale: z.number().int().nullable(),
    rating5: z.number().nullable().openapi({ description: 'The rating on a 5 scale' }),
    text: z.string(),
    url: z.string().nullable(),
    postedAt: z.string(),
    editedAt: z.string().nullable(),
    reach: z.number().int(),
    sentiment: z.number(),
    version: z.number().int(),
    backfill: z.boolean(),
    case: z
      .object({
        conversationId: z.uuid(),
        reason: z.string().nullable(),
        openedAt: z.string().nullable(),
        followUpPromiseId: z.uuid().nullable(),
      })
      .nullable(),
    recovered: z
      .object({ at: z.string(), from: z.number().nullable(), to: z.number().nullable() })
      .nullable(),
    customer: z
      .object({
        id: z.uuid(),
        name: z.string().nullable(),
        matchedBy: z.enum(['social', 'email', 'created']),
        identity: identity.openapi({
          description: 'The identity that matched, or that the new profile holds',
        }),
      })
      .nullable(),
    suggestedMerges: z.array(z.object({ customerId: z.uuid(), name: z.string(), reason: z.string() })),
    history: z.array(
      z.object({
        version: z.number().int(),
        rating: z.number().nullable(),
        text: z.string(),
        url: z.string().nullable(),
        followers: z.number().int().nullable(),
        editedAt: z.string().nullable(),
        recordedAt: z.string(),
      }),
    ),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
  })
  .openapi('ReviewItem');

export const itemListSchema = z
  .object({ data: z.array(itemSchema), nextCursor: z.string().nullable() })
  .openapi('ReviewItemList');

export const itemListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
