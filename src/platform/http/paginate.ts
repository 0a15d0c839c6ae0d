import { desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../errors.js';
import { isStorableDate, isUuid } from './input-schemas.js';

// Keyset pagination, newest first on (timestamp, id): the cursor is the sort key of the last row
// seen, so pages stay stable while new rows arrive and no page costs an OFFSET scan. Index the two
// columns together, in this order and both descending (after any equality columns), so that a page
// is an index range read in order rather than every matching row sorted.
export type Page<Row> = { data: Row[]; nextCursor: string | null };

/**
 * `fetch` runs the query with the keyset condition (undefined on the first page), order and row
 * count; it is also given the cursor's time (checked), for a query that bounds a coarser key too.
 */
export async function paginate<Row extends { id: string }>(
  fetch: (
    after: SQL | undefined,
    order: SQL[],
    take: number,
    afterAt: string | undefined,
  ) => PromiseLike<Row[]>,
  options: {
    keys: { at: PgColumn; id: PgColumn };
    cursor: string | undefined;
    limit: number;
    atOf: (row: Row) => Date;
  },
): Promise<Page<Row>> {
  const { at, id } = options.keys;
  const cursor = decodeCursor(options.cursor);
  // A row comparison rather than `at < x OR (at = x AND id < y)`: the same rows, but one an index
  // on (…, at DESC, id DESC) starts its range at, where the OR form is only a filter over rows read.
  const afterAt = cursor && new Date(cursor.at).toISOString();
  const after = cursor ? sql`(${at}, ${id}) < (${afterAt}::timestamptz, ${cursor.id}::uuid)` : undefined;
  // One row more than the page says whether there is a next page, without a count.
  const rows = await fetch(after, [desc(at), desc(id)], options.limit + 1, afterAt);
  const data = rows.slice(0, options.limit);
  const last = data.at(-1);
  return {
    data,
    nextCursor: rows.length > options.limit && last ? encodeCursor(options.atOf(last), last.id) : null,
  };
}

type Cursor = { at: string; id: string };

const encodeCursor = (at: Date, id: string): string =>
  Buffer.from(JSON.stringify({ at: at.toISOString(), id })).toString('base64url');

function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    // A cursor is the client's to send back, so it is input like any other: an id that is not
    // a UUID or a date the database cannot hold would otherwise fail inside the query.
    if (
      typeof parsed?.at === 'string' &&
      typeof parsed.id === 'string' &&
      isUuid(parsed.id) &&
      isStorableDate(Date.parse(parsed.at))
    )
      return parsed;
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', {
    message: 'The cursor is not valid',
    invalidParams: [{ name: 'query.cursor', reason: 'not a cursor returned by this API' }],
  });
}
