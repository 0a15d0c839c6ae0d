import type { z } from 'zod';
import type { PermissionGrants } from '../access/permissions.js';
import type { ErrorCatalog } from '../errors.js';
import type { EventCatalog } from '../events/define-events.js';
import type { ListenerDefinition } from '../events/define-listener.js';
import type { AppDeps } from '../http/app-env.js';
import type { Router } from '../http/app-env.js';
import type { AnyJobDefinition } from '../jobs/index.js';

/** A command the CLI runs against a database, directly or through the running server's admin socket. */
export type AdminCommand = {
  args: z.ZodType;
  /** Loaded on first use, so the server does not load what only the CLI needs. */
  load: () => Promise<(deps: AppDeps, args: never) => Promise<unknown>>;
};

/**
 * Everything a module brings to the application. The composition root (src/app) mounts the
 * routes under /api/v1, registers the jobs and listeners in every process, and offers the admin
 * commands to the CLI; permissions, error codes and events are declared with their define*()
 * helpers, which also type them.
 */
export type ModuleDefinition = {
  name: string;
  routes?: (deps: AppDeps) => Router;
  jobs?: readonly AnyJobDefinition<AppDeps>[];
  listeners?: readonly ListenerDefinition[];
  permissions?: PermissionGrants;
  errors?: ErrorCatalog;
  events?: EventCatalog;
  adminCommands?: Record<string, AdminCommand>;
};

export const defineModule = <const M extends ModuleDefinition>(definition: M): M => definition;
