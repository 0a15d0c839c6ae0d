import type { JobResult, JobWithMetadata } from 'pg-boss';
import type { Logger } from 'pino';
import { withoutParameters } from '../logger.js';
import type { JobContext, JobDefinition } from './define-job.js';
import { JobPayloadError, parsePayload } from './parse-payload.js';

/** Builds the pg-boss batch handler that runs one definition's handler per job. */
export function createJobRunner<Deps extends object>(
  definition: JobDefinition<unknown, Deps, unknown>,
  deps: Deps,
  logger: Logger,
): (jobs: JobWithMetadata<unknown>[]) => Promise<JobResult[]> {
  return (jobs) => Promise.all(jobs.map((job) => runOne(definition, deps, logger, job)));
}

async function runOne<Deps extends object>(
  definition: JobDefinition<unknown, Deps, unknown>,
  deps: Deps,
  queueLogger: Logger,
  job: JobWithMetadata<unknown>,
): Promise<JobResult> {
  const logger = queueLogger.child({ job: definition.name, jobId: job.id });
  const started = performance.now();
  let payload: unknown;
  try {
    // Checked again here: the row may have been written by an older release or by hand.
    payload = parsePayload(definition, job.data);
  } catch (err) {
    // Retrying cannot fix a payload, so it fails for good instead of burning its retries.
    const issues = err instanceof JobPayloadError ? err.issues : undefined;
    logger.error({ issues }, 'job payload does not match its schema; not retried');
    return { id: job.id, status: 'deadletter', output: toOutput(err) };
  }
  const context = {
    ...deps,
    jobId: job.id,
    jobName: definition.name,
    retryCount: job.retryCount,
    logger,
    signal: job.signal,
  } as JobContext<Deps>;
  try {
    await definition.handler(payload, context);
    logger.debug({ ms: Math.round(performance.now() - started) }, 'job completed');
    return { id: job.id, status: 'completed' };
  } catch (err) {
    const willRetry = job.retryCount < job.retryLimit;
    const fields = { err, retryCount: job.retryCount, retryLimit: job.retryLimit };
    if (willRetry) logger.warn(fields, 'job failed; it will be retried');
    else logger.error(fields, 'job failed; no retries left');
    return { id: job.id, status: 'failed', output: toOutput(err) };
  }
}

// Stored on the job row, so an operator can read why it failed without the logs.
function toOutput(err: unknown): { name: string; message: string; stack?: string } {
  if (err instanceof Error) {
    // The row is read like a log, so it gets no query parameters either.
    const message = withoutParameters(err.message);
    return { name: err.name, message, stack: err.stack?.replace(err.message, message) };
  }
  return { name: 'Error', message: String(err) };
}
