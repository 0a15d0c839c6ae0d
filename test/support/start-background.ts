import { pino } from 'pino';
import { jobDefinitions } from '../../src/app/job-definitions.js';
import { startDispatcher } from '../../src/app/start-dispatcher.js';
import type { Dispatcher, DispatcherOptions } from '../../src/platform/events/create-dispatcher.js';
import type { AppDeps } from '../../src/platform/http/app-env.js';
import { createJobQueue, type JobQueue } from '../../src/platform/jobs/index.js';

export type Background = { queue: JobQueue<AppDeps>; dispatcher: Dispatcher; stop(): Promise<void> };

// What a server with workers runs beside the API, on a test's database: every job worked (polled
// twice a second, so tests wait less) and the dispatcher with every listener.
export async function startBackground(
  deps: AppDeps,
  options: Omit<DispatcherOptions, 'listeners' | 'deps'> = {},
): Promise<Background> {
  const queue = createJobQueue<AppDeps>({
    handle: deps.handle,
    pollingIntervalSeconds: 0.5,
    logger: pino({ level: 'silent' }),
  });
  await queue.start();
  deps.jobs = queue;
  await queue.register(jobDefinitions, deps);
  await queue.work();
  const dispatcher = await startDispatcher({ ...deps, jobs: queue }, options);
  return {
    queue,
    dispatcher,
    async stop() {
      await dispatcher.stop();
      await queue.stop();
    },
  };
}
