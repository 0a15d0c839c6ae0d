import { qualityJobs } from '../../modules/quality/score-conversation-job.js';
import type { AppDeps } from '../http/app-env.js';
import type { AnyJobDefinition } from '../jobs/index.js';

// Every durable job the application runs. A module that defines a job adds it here, and both
// `earshot serve` and `earshot worker` register the list at start, so a job sent by an API
// instance is always known to whichever process works it.
export const jobDefinitions: readonly AnyJobDefinition<AppDeps>[] = [...qualityJobs];
