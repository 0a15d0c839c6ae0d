import { AppError, toProblem, type ErrorCode, type Problem } from '../../errors.js';

// One JSON line each way and one command per connection: nothing to frame, nothing to keep
// in sync, and a client that dies mid-way leaves no half-read stream behind.
export type AdminRequest = { command: string; args: Record<string, unknown> };
// serverUrl lets the CLI's hints name the address the server really listens on.
export type AdminResponse =
  { ok: true; result: unknown; serverUrl?: string } | { ok: false; problem: Problem };

export const MAX_REQUEST_BYTES = 64 * 1024;

export const encode = (message: AdminRequest | AdminResponse): string => `${JSON.stringify(message)}\n`;

export function parseRequest(line: string): AdminRequest {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new AppError('MALFORMED_JSON');
  }
  const request = value as Partial<AdminRequest>;
  if (typeof request?.command !== 'string' || typeof request.args !== 'object' || request.args === null) {
    throw new AppError('VALIDATION_FAILED', { message: 'Expected {"command": string, "args": object}' });
  }
  return { command: request.command, args: request.args };
}

export const failure = (error: AppError): AdminResponse => ({ ok: false, problem: toProblem(error) });

// The problem travels back as data; the caller gets the same AppError the server raised.
export function errorFromProblem(problem: Problem): AppError {
  try {
    return new AppError(problem.code as ErrorCode, {
      message: problem.detail,
      invalidParams: problem.invalid_params,
    });
  } catch {
    return new AppError('INTERNAL', { message: problem.detail });
  }
}
