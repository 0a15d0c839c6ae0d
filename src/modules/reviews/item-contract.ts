import { z } from '@hono/zod-openapi';
import { dateTime, text } from '../../platform/http/input-schemas.js';

const webUrl = text({ min: 1, max: 2000 }).refine(
  (v) => /^https?:\/\/\S+$/i.test(v),
  'must be an http(s) URL',
);

/**
 * One review or mention, whatever the site: what every connector, the webhook and the CSV import
 * speak. A rating is on a 5 scale unless `ratingScale` says otherwise (10 for a site that rates
 * out of ten, 100 for a percentage); it is read as rating / ratingScale × 5.
 */
export const reviewItemInput = z
  .object({
    source: text({ min: 1, max: 100 }).openapi({ example: 'trustpilot' }),
    externalId: text({ min: 1, max: 300 }).openapi({ description: "The site's own id for the item" }),
    author: z
      .object({
        handle: text({ min: 1, max: 200 }).openapi({ example: '@sam_k' }),
        name: text({ max: 200 }).optional(),
        url: webUrl.optional(),
        followers: z.number().int().min(0).max(2_000_000_000).optional(),
        email: text({ max: 320 }).optional().openapi({ description: 'When the site shares it: matched too' }),
      })
      .strict(),
    rating: z.number().min(0).max(100).optional(),
    ratingScale: z.number().int().min(2).max(100).optional().openapi({ description: 'Default 5' }),
    text: text({ min: 1, max: 20_000 }),
    url: webUrl.optional(),
    createdAt: dateTime(),
    updatedAt: dateTime().optional(),
  })
  .strict()
  .refine((item) => item.rating === undefined || item.rating <= (item.ratingScale ?? 5), {
    message: 'must not be more than ratingScale (5 unless given)',
    path: ['rating'],
  })
  .openapi('ReviewItemInput');

export type ReviewItemInput = z.infer<typeof reviewItemInput>;

/** One item checked on its own: the item, or why it was refused, naming the field. */
export function checkItem(raw: unknown): { item: ReviewItemInput } | { reason: string } {
  const parsed = reviewItemInput.safeParse(raw);
  if (parsed.success) return { item: parsed.data };
  return {
    reason: parsed.error.issues
      .slice(0, 5)
      .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; '),
  };
}

/** The rating on a 5 scale, to two decimals; null for a mention. */
export const ratingOnFive = (item: Pick<ReviewItemInput, 'rating' | 'ratingScale'>): number | null =>
  item.rating === undefined ? null : Math.round((item.rating / (item.ratingScale ?? 5)) * 5 * 100) / 100;
