import type { Config } from '../config/env.js';
import { createAppDeps } from './create-app-deps.js';
import { ensureMigrated } from '../platform/runtime/ensure-migrated.js';
import { jobDefinitions } from './job-definitions.js';
import { openDatabase } from '../platform/runtime/open-database.js';
import { listenerDefinitions } from './listener-definitions.js';
import { createJobRuntime } from './start-jobs.js';
import { startDispatcher } from './start-dispatcher.js';
import { startServices } from './start-services.js';

export type RunningWorker = { jobTypes: string[]; listeners: string[]; close(): Promise<void> };

// A process that works durable jobs and dispatches the event outbox to every listener, beside
// any number of API instances. PostgreSQL only: the embedded database belongs to the one
// `earshot serve` process, which does both itself.
export async function startWorker(options: { config: Config }): Promise<RunningWorker> {
  const opened = await openDatabase(options.config, { command: 'earshot worker' });
  // Undone in reverse order, on a failed start as on a normal stop.
  const cleanups: (() => Promise<void>)[] = [() => opened.close()];
  const unwind = async () => {
    for (const cleanup of cleanups.reverse().splice(0)) await cleanup();
  };
  try {
    // Whichever process starts first brings the schema up to date; the others wait on its lock.
    await ensureMigrated(opened.handle);
    const deps = createAppDeps(options.config, opened.handle);
    cleanups.push(() => deps.events.close());
    // Commits in the API processes wake this one's dispatcher through NOTIFY.
    await deps.events.start();
    const jobs = createJobRuntime(deps, { workers: true, logger: deps.logger.child({ component: 'jobs' }) });
    deps.jobs = jobs.sender;
    cleanups.push(() => jobs.stop());
    // A worker that cannot reach its queue has nothing to do: fail instead of idling.
    await jobs.start();
    const dispatcher = await startDispatcher({ ...deps, jobs: jobs.sender });
    cleanups.push(() => dispatcher.stop());
    cleanups.push(await startServices({ ...deps, jobs: jobs.sender }, 'worker'));
    return {
      jobTypes: jobDefinitions.map((d) => d.name),
      listeners: listenerDefinitions.map((l) => l.name),
      close: unwind,
    };
  } catch (err) {
    await unwind();
    throw err;
  }
}
