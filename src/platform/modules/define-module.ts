import type { z } from 'zod';
import type { PermissionGrants } from '../access/permissions.js';
import type { ErrorCatalog } from '../errors.js';
import type { EventCatalog } from '../events/define-events.js';
import type { ListenerDefinition, ListenerDeps } from '../events/define-listener.js';
import type { ReactionDefinition } from '../events/define-reaction.js';
import type { RedirectDefinition } from '../redirects/define-redirect.js';
import type { EnrichmentDefinition } from '../enrichment/define-enrichment.js';
import type { AppDeps } from '../http/app-env.js';
import type { Router } from '../http/app-env.js';
import type { AnyJobDefinition } from '../jobs/index.js';
import type { VisitorSocketRoute } from '../realtime/visitor-sockets.js';

/** A command the CLI runs against a database, directly or through the running server's admin socket. */
export type AdminCommand = {
  args: z.ZodType;
  /** Loaded on first use, so the server does not load what only the CLI needs. */
  load: () => Promise<(deps: AppDeps, args: never) => Promise<unknown>>;
};

/**
 * Something long-running that lives as long as the process: a mail listener on its own port, a
 * poller of remote mailboxes. `start` resolves once it runs, with what stops it; the process stops
 * it before the database closes.
 */
export type ServiceDefinition = {
  name: string;
  /** The processes that run it: `earshot serve` (with workers), `earshot worker`, or both. */
  runIn: readonly ('server' | 'worker')[];
  start(deps: ListenerDeps): Promise<() => Promise<void>>;
};

/**
 * Everything a module brings to the application. The composition root (src/app) mounts the
 * routes under /api/v1, registers the jobs and listeners in every process, starts the services
 * and offers the admin commands to the CLI. Permissions, error codes and events are declared with
 * their define*() helpers, which also type them.
 */
export type ModuleDefinition = {
  name: string;
  routes?: (deps: AppDeps) => Router;
  /** Pages for people rather than programs (a quote's page), served at the site's root. */
  pages?: (deps: AppDeps) => Router;
  jobs?: readonly AnyJobDefinition<AppDeps>[];
  listeners?: readonly ListenerDefinition[];
  /** Answers to other modules' events inside the emitting transaction (see defineReaction). */
  reactions?: readonly ReactionDefinition[];
  /** Fields this module adds to other modules' resources when they are presented (see defineEnrichment). */
  enrichments?: readonly EnrichmentDefinition[];
  /** Where other modules' new resources go instead (see defineRedirect). */
  redirects?: readonly RedirectDefinition[];
  permissions?: PermissionGrants;
  errors?: ErrorCatalog;
  events?: EventCatalog;
  adminCommands?: Record<string, AdminCommand>;
  services?: readonly ServiceDefinition[];
  /** Live channels for chat-widget visitors, mounted by the HTTP edge (see VisitorSocketRoute). */
  visitorSockets?: (deps: AppDeps) => VisitorSocketRoute;
  /** Loads what the module needs later (a language model), in the background once the server is up. */
  warmUp?: () => Promise<unknown>;
};

export const defineModule = <const M extends ModuleDefinition>(definition: M): M => definition;
