import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { AppError, toProblem } from '../errors.js';

export function problemResponse(c: Context, error: AppError): Response {
  return c.newResponse(JSON.stringify(toProblem(error, c.get('requestId'))), error.status as 400, {
    'content-type': 'application/problem+json',
    ...(error.retryAfterSeconds !== undefined ? { 'retry-after': String(error.retryAfterSeconds) } : {}),
  });
}

// Known failures keep their code; anything unexpected is logged with the request id and
// answered without internals.
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('PAYLOAD_TOO_LARGE');
    if (error.status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
    if (error.message.startsWith('Malformed JSON')) return new AppError('MALFORMED_JSON');
    if (error.status === 401) return new AppError('UNAUTHENTICATED', { message: error.message || undefined });
    return new AppError('VALIDATION_FAILED', { message: error.message });
  }
  return fromDatabaseError(error) ?? new AppError('INTERNAL', { cause: error });
}

// What the database refused because of the request, answered as the client's mistake. The
// database's own message is not passed on: it can quote the values of other rows.
function fromDatabaseError(error: unknown): AppError | undefined {
  const code = (error as { cause?: { code?: unknown } })?.cause?.code ?? (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  // Row-level security refused a write, or a reference points at no row: only possible with an
  // id this workspace does not have.
  if (code === '42501' || code === '23503') return new AppError('NOT_FOUND', { cause: error });
  // Two requests raced to create the same thing; the loser learns it exists.
  if (code === '23505') {
    return new AppError('CONFLICT', {
      message: 'Something with the same value already exists',
      cause: error,
    });
  }
  // Class 22 (data exceptions: text, number and date representations, values out of range),
  // not-null and check violations, and limits such as an index row too large.
  if (code.startsWith('22') || code === '23502' || code === '23514' || code === '54000') {
    return new AppError('VALIDATION_FAILED', {
      message: 'The database cannot store a value in this request',
      cause: error,
    });
  }
  return undefined;
}

export function handleError(logger: Logger) {
  return (error: unknown, c: Context): Response => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') {
      logger.error({ err: error, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
    }
    return problemResponse(c, appError);
  };
}
