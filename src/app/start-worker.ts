import type { Config } from '../config/env.js';
import { createDeps } from '../platform/create-deps.js';
import { ensureMigrated } from '../platform/runtime/ensure-migrated.js';
import { jobDefinitions } from './job-definitions.js';
import { openDatabase } from '../platform/runtime/open-database.js';
import { createJobRuntime, type JobRuntime } from './start-jobs.js';

export type RunningWorker = { jobTypes: string[]; close(): Promise<void> };

// A process that only works durable jobs, beside any number of API instances. PostgreSQL only:
// the embedded database belongs to the one `earshot serve` process, which works jobs itself.
export async function startWorker(options: { config: Config }): Promise<RunningWorker> {
  const opened = await openDatabase(options.config, { command: 'earshot worker' });
  let jobs: JobRuntime | undefined;
  try {
    // Whichever process starts first brings the schema up to date; the others wait on its lock.
    await ensureMigrated(opened.handle);
    const deps = createDeps(options.config, opened.handle);
    jobs = createJobRuntime(deps, { workers: true, logger: deps.logger.child({ component: 'jobs' }) });
    deps.jobs = jobs.sender;
    // A worker that cannot reach its queue has nothing to do: fail instead of idling.
    await jobs.start();
    const running = jobs;
    return {
      jobTypes: jobDefinitions.map((d) => d.name),
      close: async () => {
        await running.stop();
        await opened.close();
      },
    };
  } catch (err) {
    await jobs?.stop();
    await opened.close();
    throw err;
  }
}
