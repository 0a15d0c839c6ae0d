import type { Logger } from 'pino';
import { AppError } from '../platform/errors.js';
import type { AppDeps } from '../platform/http/app-env.js';
import type { JobInput, JobQueue, SendableJob, SendOptions } from '../platform/jobs/index.js';

export type JobSender = Pick<JobQueue<AppDeps>, 'send'>;
export type JobRuntime = {
  /** Usable at once: sends wait until the queue runs. */
  sender: JobSender;
  /** Starts the queue (and its workers, if asked for); safe to call once. */
  start(): Promise<void>;
  stop(): Promise<void>;
};

// The server creates the runtime before it listens, so listeners can hold a sender, and starts
// it after: pg-boss's start-up (and its import) would otherwise double the time to the first
// answered request. Every process sends jobs; only those asked to (serve without --no-workers,
// worker) work them.
export function createJobRuntime(deps: AppDeps, options: { workers: boolean; logger: Logger }): JobRuntime {
  let queue: JobQueue<AppDeps> | undefined;
  let running = false;
  let started: Promise<void> | undefined;
  let markStarted!: (value: Promise<void>) => void;
  const ready = new Promise<void>((resolve) => (markStarted = resolve));
  // A failed start is reported once, by start(); senders see it through their own await.
  ready.catch(() => undefined);

  const sender: JobSender = {
    async send<D extends SendableJob>(definition: D, payload: JobInput<D>, sendOptions?: SendOptions) {
      // Inside a transaction on PGlite, waiting for the queue would wait for the very
      // connection the transaction holds.
      if (!running && sendOptions?.tx) {
        throw new AppError('UNAVAILABLE', {
          message: 'The job queue is still starting; try again in a moment',
        });
      }
      await ready;
      return queue!.send(definition, payload, sendOptions);
    },
  };

  async function boot(): Promise<void> {
    const [{ createJobQueue }, { jobDefinitions }] = await Promise.all([
      import('../platform/jobs/index.js'),
      import('./job-definitions.js'),
    ]);
    const created = createJobQueue<AppDeps>({ handle: deps.handle, logger: options.logger });
    await created.start();
    queue = created;
    await created.register(jobDefinitions, { ...deps, jobs: sender });
    if (options.workers) await created.work();
    running = true;
    options.logger.info(
      { jobTypes: jobDefinitions.map((d) => d.name), workers: options.workers },
      'job queue is running',
    );
  }

  return {
    sender,
    start() {
      if (!started) {
        started = boot();
        markStarted(started);
        started.catch((err) =>
          options.logger.error({ err }, 'the job queue failed to start; jobs cannot be sent or run'),
        );
      }
      return started;
    },
    async stop() {
      // Never started: nothing to stop, and any send still waiting fails instead of hanging.
      if (!started)
        markStarted(Promise.reject(new AppError('UNAVAILABLE', { message: 'The job queue was stopped' })));
      await ready.catch(() => undefined);
      await queue?.stop();
    },
  };
}
