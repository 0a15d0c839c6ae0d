import pino, { type DestinationStream, type LoggerOptions } from 'pino';
import type { Config } from '../config/env.js';

// The server log is read by more people than the database is: it must never hold what a request
// or a query carried. A failed query's error once wrote its parameters (a password hash among
// them) to the log, so errors are serialised from an allow-list, and fields that name a secret
// are censored wherever they appear in the first two levels of a log line.
const secretFields = [
  'password',
  'passwordHash',
  'token',
  'key',
  'secret',
  'authorization',
  'cookie',
  'params',
  'parameters',
];

export const logOptions = (level: Config['logLevel']): LoggerOptions => ({
  level,
  base: undefined,
  serializers: { err: serializeError, error: serializeError },
  redact: { paths: secretFields.flatMap((f) => [f, `*.${f}`]), censor: '[redacted]' },
});

export const createLogger = (level: Config['logLevel'], destination?: DestinationStream) =>
  destination ? pino(logOptions(level), destination) : pino(logOptions(level));

type SerializedError = {
  type: string;
  message: string;
  stack?: string;
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  cause?: SerializedError | string;
};

/**
 * What an error may show in a log: its type, message and stack without the query parameters
 * drizzle appends, the database's error code and the names of the constraint, table and column.
 * Not the database's `detail` (it quotes the conflicting row) nor any other field.
 */
export function serializeError(err: unknown, depth = 0): SerializedError | string {
  if (!(err instanceof Error)) return typeof err === 'string' ? withoutParameters(err) : String(err);
  const fields = err as Error & Record<string, unknown>;
  const message = withoutParameters(err.message);
  const serialized: SerializedError = {
    type: err.constructor?.name ?? err.name,
    message,
    stack: err.stack?.replace(err.message, message),
  };
  for (const name of ['code', 'constraint', 'table', 'column'] as const) {
    if (typeof fields[name] === 'string') serialized[name] = fields[name];
  }
  if (err.cause !== undefined && depth < 5) serialized.cause = serializeError(err.cause, depth + 1);
  return serialized;
}

// drizzle's DrizzleQueryError reads "Failed query: <sql>\nparams: <values>".
export const withoutParameters = (message: string): string => message.replace(/\nparams:[\s\S]*$/, '');
