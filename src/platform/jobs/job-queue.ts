import { sql, type SQL } from 'drizzle-orm';
import { fromDrizzle, type DrizzleTransactionLike, type PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { createLogger } from '../logger.js';
import type { DbHandle } from '../../db/client.js';
import { startBoss } from './create-boss.js';
import type { AnyJobDefinition, JobInput, NoDeps, SendableJob } from './define-job.js';
import { ensureQueue } from './ensure-queue.js';
import { parsePayload } from './parse-payload.js';
import { createJobRunner } from './run-job.js';

export type JobQueueOptions = {
  handle: DbHandle;
  logger?: Logger;
  /** PostgreSQL schema pg-boss keeps its tables in. */
  schema?: string;
  /** How often an idle worker looks for due jobs; pg-boss accepts 0.5 and up. Default 1. */
  pollingIntervalSeconds?: number;
  /** PostgreSQL only: size of pg-boss's own connection pool. Default 4. */
  poolSize?: number;
  /** How long a graceful stop waits for running handlers. Default 30 s. */
  stopTimeoutMs?: number;
};

export type SendOptions = {
  /** The job's id (a UUID): a send whose id already exists inserts nothing and returns null. */
  id?: string;
  /** A Date, or seconds from now. */
  startAfter?: Date | number;
  singletonKey?: string;
  priority?: number;
  /**
   * A drizzle transaction: the job is inserted in it and exists only if it commits. On PGlite
   * this is the only way to send from inside a transaction: a plain send waits for the single
   * connection the open transaction holds, forever.
   */
  tx?: TransactionLike;
};

// Any drizzle transaction on either driver; their execute() result types differ and pg-boss's
// adapter reads both.
export type TransactionLike = { execute(query: SQL): PromiseLike<unknown> };

export type JobQueue<Deps extends object = NoDeps> = {
  /** The underlying pg-boss instance, for operations this layer does not wrap (stats, schedules). */
  readonly boss: PgBoss;
  start(): Promise<void>;
  /** Stops workers and maintenance. Close the database handle only after this resolves. */
  stop(options?: { graceful?: boolean }): Promise<void>;
  /** Ensures each definition's queue exists and matches its options; `deps` are kept for work(). */
  register(definitions: readonly AnyJobDefinition<Deps>[], deps?: Deps): Promise<void>;
  /** Validates and stores a job. Null when a singleton policy or key already holds one. */
  send<D extends SendableJob>(
    definition: D,
    payload: JobInput<D>,
    options?: SendOptions,
  ): Promise<string | null>;
  /** Starts a worker for every registered definition. */
  work(deps?: Deps): Promise<void>;
  /** Stops taking new jobs and waits for running handlers; sending still works. */
  stopWorkers(): Promise<void>;
};

export function createJobQueue<Deps extends object = NoDeps>(options: JobQueueOptions): JobQueue<Deps> {
  const logger = options.logger ?? createLogger('info').child({ name: 'earshot-jobs' });
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  if (!(pollingIntervalSeconds >= 0.5)) throw new Error('pollingIntervalSeconds must be at least 0.5');
  const definitions = new Map<string, AnyJobDefinition<Deps>>();
  // One promise per queue name, so concurrent sends share a single check.
  const ensured = new Map<string, Promise<void>>();
  const working = new Set<string>();
  let registeredDeps: Deps | undefined;
  let boss: PgBoss | undefined;
  let starting: Promise<PgBoss> | undefined;
  let stopped = false;

  function started(action: string): PgBoss {
    if (boss) return boss;
    const why = stopped ? 'it was stopped; create a new one' : 'call start() first';
    throw new Error(`Cannot ${action}: the job queue is not running (${why})`);
  }

  function ensure(instance: PgBoss, definition: SendableJob): Promise<void> {
    let pending = ensured.get(definition.name);
    if (!pending) {
      pending = ensureQueue(instance, logger, definition.name, definition.options);
      ensured.set(definition.name, pending);
      pending.catch(() => ensured.delete(definition.name));
    }
    return pending;
  }

  return {
    get boss() {
      return started('use boss');
    },

    async start() {
      if (stopped) started('start');
      // Concurrent calls share one instance.
      starting ??= startBoss(
        options.handle,
        { schema: options.schema ?? 'pgboss', poolSize: options.poolSize ?? 4 },
        logger,
      ).catch((err: unknown) => {
        starting = undefined;
        throw err;
      });
      const instance = await starting;
      if (stopped) throw new Error('The job queue was stopped while it was starting');
      boss = instance;
    },

    async stop({ graceful = true } = {}) {
      const instance = boss ?? (await starting?.catch(() => undefined));
      boss = undefined;
      starting = undefined;
      stopped = true;
      if (!instance) return;
      working.clear();
      await instance.stop({ graceful, close: true, timeout: options.stopTimeoutMs ?? 30_000 });
    },

    async register(list, deps) {
      const instance = started('register jobs');
      for (const definition of list) {
        const known = definitions.get(definition.name);
        if (known && known !== definition)
          throw new Error(`Two job definitions share the name "${definition.name}"`);
        definitions.set(definition.name, definition);
      }
      if (deps) registeredDeps = deps;
      await Promise.all(list.map((definition) => ensure(instance, definition)));
      // Every process registers the same schedules; pg-boss keeps one row per queue, so they
      // overwrite each other rather than multiply.
      for (const definition of list) {
        const cron = definition.options.schedule;
        if (cron) await instance.schedule(definition.name, cron, {}, { tz: 'UTC' });
      }
    },

    async send(definition, payload, sendOptions = {}) {
      const instance = started(`send "${definition.name}"`);
      const data = parsePayload(definition, payload);
      const { tx, startAfter, priority, id } = sendOptions;
      if (typeof startAfter === 'number' && !(startAfter >= 0)) {
        throw new Error(`startAfter for job "${definition.name}" must be seconds >= 0 or a Date`);
      }
      if (tx && !ensured.has(definition.name)) {
        // Checking the queue would need a second connection, which PGlite does not have.
        throw new Error(`Register job "${definition.name}" before sending it inside a transaction`);
      }
      await ensure(instance, definition);
      const key = definition.options.singletonKey;
      const singletonKey = sendOptions.singletonKey ?? (typeof key === 'function' ? key(data) : key);
      // pg-boss checks options by presence, so an undefined value must not appear as a key.
      const jobOptions = withoutUndefined({
        id,
        startAfter,
        singletonKey,
        singletonSeconds: definition.options.singletonSeconds,
        priority: priority ?? definition.options.priority,
        db: tx ? fromDrizzle(tx as DrizzleTransactionLike, sql) : undefined,
      });
      return instance.send(definition.name, data as object, jobOptions);
    },

    async work(deps) {
      const instance = started('start workers');
      const context = deps ?? registeredDeps ?? ({} as Deps);
      for (const definition of definitions.values()) {
        if (working.has(definition.name)) continue;
        working.add(definition.name);
        await instance.work(
          definition.name,
          {
            pollingIntervalSeconds,
            localConcurrency: definition.options.concurrency ?? 1,
            batchSize: definition.options.batchSize ?? 1,
            burstWhenBatchFull: (definition.options.batchSize ?? 1) > 1,
            includeMetadata: true,
            perJobResults: true,
          },
          createJobRunner(definition, context, logger),
        );
      }
    },

    async stopWorkers() {
      const instance = boss;
      if (!instance) return;
      const names = [...working];
      working.clear();
      await Promise.all(names.map((name) => instance.offWork(name, { wait: true })));
    },
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
