import { z } from '@hono/zod-openapi';

// The building blocks every module's schemas.ts uses for what a client sends, so a value the
// database cannot store is refused here as a 400 naming the field, not later as a 500.

/**
 * Text as PostgreSQL can store it: no NUL byte (text and jsonb refuse it) and no lone UTF-16
 * surrogate (it cannot be encoded as UTF-8, so it would be stored as a replacement character).
 */
export function text(options: { max: number; min?: number; trim?: boolean }) {
  const base = options.trim === false ? z.string() : z.string().trim();
  const sized =
    options.min === undefined
      ? base.max(options.max)
      : base.min(options.min, options.min === 1 ? 'must not be empty' : undefined).max(options.max);
  return sized.refine(isStorableText, unstorableTextMessage);
}

export const unstorableTextMessage = 'must not contain NUL bytes or unpaired surrogates';

// In a /u pattern a surrogate pair is one code point, so \p{Cs} only matches an unpaired half.
const unstorable = /[\0\p{Cs}]/u;

export const isStorableText = (value: string): boolean => !unstorable.test(value);

// Any UUID, whatever its version bits: what a uuid column accepts.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => uuidPattern.test(value);

// timestamptz reaches from 4713 BC, but ISO strings before year 1 are written with a sign that
// neither side round-trips, and Date.parse reaches further than PostgreSQL on both ends.
// (Date.UTC maps years 0-99 to 1900-1999, hence setUTCFullYear.)
const minDate = new Date(0).setUTCFullYear(1, 0, 1);
const maxDate = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Whether a moment (milliseconds since the epoch) is one the database stores and gives back. */
export const isStorableDate = (ms: number): boolean => Number.isFinite(ms) && ms >= minDate && ms <= maxDate;

/** An ISO 8601 date-time with its offset, between years 1 and 9999 in UTC. */
export const dateTime = () =>
  z.iso
    .datetime({ offset: true })
    .refine((value) => isStorableDate(Date.parse(value)), 'must be between years 0001 and 9999');

/**
 * The largest amount of money, in cents, that any field accepts: a trillion in any currency,
 * far from the 2^53 where JSON numbers stop being exact, so that sums of a few stay exact too.
 */
export const maxMoneyCents = 100_000_000_000_000;

export const moneyCents = () => z.number().int().min(0).max(maxMoneyCents);

/**
 * A PATCH body must change something: an empty object is a client mistake, and an update with
 * nothing to set is one the database layer cannot even build.
 */
export function atLeastOneField<T extends z.ZodObject>(schema: T) {
  return schema.refine((value) => Object.values(value).some((v) => v !== undefined), {
    message: 'send at least one field to change',
  });
}
