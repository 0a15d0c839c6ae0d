import type { AnyJobDefinition } from '../platform/jobs/index.js';
import type { AppDeps } from '../platform/http/app-env.js';
import { modules } from './modules.js';
import type { ModuleDefinition } from '../platform/modules/define-module.js';

// Every durable job, from every module. Both `earshot serve` and `earshot worker` register the
// whole list at start, so a job sent by one process is always known to whichever process works it.
export const jobDefinitions: readonly AnyJobDefinition<AppDeps>[] = modules.flatMap(
  (m: ModuleDefinition) => m.jobs ?? [],
);
