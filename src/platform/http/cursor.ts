import { AppError } from '../errors.js';

// Keyset pagination: the cursor is the sort key of the last row seen, so pages stay stable
// while new rows arrive and no page costs an OFFSET scan.
export type Cursor = { at: string; id: string };

export const encodeCursor = (at: Date, id: string): string =>
  Buffer.from(JSON.stringify({ at: at.toISOString(), id })).toString('base64url');

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (
      typeof parsed.at === 'string' &&
      typeof parsed.id === 'string' &&
      !Number.isNaN(Date.parse(parsed.at))
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
