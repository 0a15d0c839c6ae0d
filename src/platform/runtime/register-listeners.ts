import { registerQualityListeners } from '../../modules/quality/quality-listeners.js';
import type { AppDeps } from '../http/app-env.js';
import type { JobSender } from './start-jobs.js';

// Side effects that hang off domain events in the process that serves requests (events are
// published there, after each commit). Returns what removes them again.
export function registerListeners(deps: AppDeps, jobs: JobSender): () => void {
  const disposers = [registerQualityListeners(deps, jobs)];
  return () => {
    for (const dispose of disposers) dispose();
  };
}
