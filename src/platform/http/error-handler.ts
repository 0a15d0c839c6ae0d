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
  const pgCode =
    (error as { code?: unknown; cause?: { code?: unknown } })?.cause?.code ??
    (error as { code?: unknown })?.code;
  // Row-level security refused a write: only possible with a foreign id.
  if (pgCode === '42501') return new AppError('NOT_FOUND');
  return new AppError('INTERNAL', { cause: error });
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
