import type { z } from 'zod';

export type PayloadIssue = { path: string; message: string };

/** A payload that does not match its job's schema; `issues` name each offending field. */
export class JobPayloadError extends Error {
  readonly code = 'JOB_PAYLOAD_INVALID';

  constructor(
    readonly jobName: string,
    readonly issues: PayloadIssue[],
  ) {
    const detail = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    super(`Invalid payload for job "${jobName}": ${detail}`);
    this.name = 'JobPayloadError';
  }
}

// Takes only what it reads, so any definition fits whatever its dependencies are.
export function parsePayload<P>(definition: { name: string; schema: z.ZodType<P> }, payload: unknown): P {
  const result = definition.schema.safeParse(payload);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(payload)',
    message: issue.message,
  }));
  throw new JobPayloadError(definition.name, issues);
}
