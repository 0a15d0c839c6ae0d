import type { Logger } from 'pino';
import type { z } from 'zod';

/** What the queue adds to the app's dependencies for every run. */
export type JobMeta = {
  jobId: string;
  jobName: string;
  /** 0 on the first run, then one more for each retry. */
  retryCount: number;
  /** Child of the queue's logger, already bound to the job name and id. */
  logger: Logger;
  /** Aborted when the job outlives `expireInSeconds` or the queue stops without waiting. */
  signal: AbortSignal;
};

export type NoDeps = Record<never, never>;

// The job's own fields win over a same-named dependency, so a handler can trust ctx.logger.
export type JobContext<Deps extends object = NoDeps> = Omit<Deps, keyof JobMeta> & JobMeta;

export type QueuePolicy = 'standard' | 'short' | 'singleton' | 'stately' | 'exclusive';

export type JobOptions<P> = {
  /** Retries after the first failure. Default 3. */
  retryLimit?: number;
  /** Wait before a retry; with `retryBackoff` it is the base of an exponential delay. Default 10. */
  retryDelaySeconds?: number;
  /** Default true: a flapping mail server or webhook gets room to recover. */
  retryBackoff?: boolean;
  /** A run still active after this long is treated as failed (and retried). Default 900. */
  expireInSeconds?: number;
  /** How long finished jobs stay readable. Default 7 days. */
  deleteAfterSeconds?: number;
  /**
   * How pg-boss treats jobs sharing a singleton key; fixed when the queue is first created.
   * 'standard' ignores the key unless `singletonSeconds` is set; 'short' keeps one queued job per
   * key (a second send returns null); 'singleton' runs one per key at a time.
   */
  policy?: QueuePolicy;
  /** Key derived from the payload, e.g. one reminder per promise. A send option overrides it. */
  singletonKey?: string | ((payload: P) => string);
  /** With a singleton key: at most one job per key in each window of this many seconds. */
  singletonSeconds?: number;
  /** Higher runs first. */
  priority?: number;
  /** Workers of this job in one process, each fetching its own batch. Default 1. */
  concurrency?: number;
  /**
   * Jobs a worker fetches at once and runs side by side. Above 1, a worker that fetched a full
   * batch fetches again at once instead of waiting for the next poll, so a backlog drains at the
   * speed of the handler; a short batch means it is drained, and polling resumes. Default 1.
   */
  batchSize?: number;
  /**
   * A cron expression (UTC): the queue sends this job, with an empty payload, on that schedule.
   * Kept in the database, so one sweep runs however many processes start.
   */
  schedule?: string;
};

/**
 * A job's payload schema describes the JSON that is stored: the parsed payload is what goes into
 * the database, and the worker parses it again, so parse(JSON(parse(x))) must equal parse(x)
 * (use z.coerce.date(), not z.date(); no one-way transforms).
 */
export type JobDefinition<P = unknown, Deps extends object = NoDeps, In = P> = {
  readonly name: string;
  readonly schema: z.ZodType<P, In>;
  readonly handler: (payload: P, ctx: JobContext<Deps>) => Promise<void>;
  readonly options: Readonly<JobOptions<P>>;
};

// `any` payload and deps: a list of definitions mixes payload types; each is checked by its schema.
export type AnyJobDefinition<Deps extends object = any> = JobDefinition<any, Deps, any>;

/** The part of a definition a sender needs; the handler's dependencies do not matter there. */
export type SendableJob = Pick<AnyJobDefinition, 'name' | 'schema' | 'options'>;

/** What send() accepts for a definition: the schema's input type. */
export type JobInput<D extends SendableJob> = z.input<D['schema']>;

/** What the handler receives: the schema's output type. */
export type JobPayload<D extends SendableJob> = z.output<D['schema']>;

// pg-boss's own rule for queue names; checked here so a bad name fails at import, not at send.
const namePattern = /^[\w.\-/]+$/;

export function defineJob<S extends z.ZodType, Deps extends object = NoDeps>(definition: {
  name: string;
  schema: S;
  handler: (payload: z.output<S>, ctx: JobContext<Deps>) => Promise<void>;
  options?: JobOptions<z.output<S>>;
}): JobDefinition<z.output<S>, Deps, z.input<S>> {
  if (!namePattern.test(definition.name)) {
    throw new Error(`Job name "${definition.name}" may only contain letters, digits, _ . - and /`);
  }
  const options = definition.options ?? {};
  if (options.priority !== undefined && !Number.isInteger(options.priority)) {
    throw new Error(`Job "${definition.name}": priority must be a whole number`);
  }
  for (const key of ['retryLimit', 'retryDelaySeconds', 'deleteAfterSeconds'] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw new Error(`Job "${definition.name}": ${key} must be a whole number >= 0`);
    }
  }
  for (const key of ['expireInSeconds', 'singletonSeconds', 'concurrency', 'batchSize'] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      throw new Error(`Job "${definition.name}": ${key} must be a whole number >= 1`);
    }
  }
  if (options.schedule !== undefined && options.schedule.trim().split(/\s+/).length < 5) {
    throw new Error(`Job "${definition.name}": schedule must be a cron expression such as "*/10 * * * *"`);
  }
  return Object.freeze({
    name: definition.name,
    schema: definition.schema as z.ZodType<z.output<S>, z.input<S>>,
    handler: definition.handler,
    options: Object.freeze({ ...options }),
  });
}
