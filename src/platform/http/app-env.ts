import { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Config } from '../../config/env.js';
import type { Db, DbHandle } from '../../db/client.js';
import type { CredentialCache } from '../access/credential-cache.js';
import type { LinkClaims } from '../access/signed-link.js';
import type { Visitor } from '../access/visitor-token.js';
import type { AccessGate } from './access-gate.js';
import type { Reactions } from '../events/define-reaction.js';
import type { Enrichments } from '../enrichment/define-enrichment.js';
import type { Redirects } from '../redirects/define-redirect.js';
import type { EventBus } from '../events/domain-events.js';
import type { Scope } from '../tenancy/scope.js';
import type { StaffSockets } from '../realtime/staff-sockets.js';
import type { JobQueue } from '../jobs/index.js';
import { validationError } from '../errors.js';

// What every handler and operation can reach. Built once at start-up (or per test file).
export type AppDeps = {
  config: Config;
  handle: DbHandle;
  db: Db;
  events: EventBus;
  /** Every module's in-transaction reactions to events, run by inWorkspace. */
  reactions: Reactions;
  /** Every module's fields for other modules' resources, added by enrich(). */
  enrichments: Enrichments;
  /** Every module's say in where other modules' new resources go (see defineRedirect). */
  redirects: Redirects;
  logger: Logger;
  credentials: CredentialCache;
  /** The members with a realtime socket open in this process (presence counts them as seen). */
  staffSockets: StaffSockets;
  // Present where jobs can be sent (every server and worker process).
  jobs?: Pick<JobQueue<any>, 'send'>;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    gate: AccessGate;
    /** Staff routes: the workspace and the member or key acting in it. */
    scope: Scope;
    sessionId?: string;
    /** Visitor routes: the widget visitor's workspace and customer. */
    visitor: Visitor;
    /** Signed-link routes: what the link grants, and until when. */
    link: LinkClaims;
  };
};

// Every router is built this way so that validation failures become RFC 9457 problems that
// name each bad field.
export type Router = OpenAPIHono<AppEnv>;

export function createRouter(): Router {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === 'json' ? '' : result.target;
        throw validationError(result.error.issues, where);
      }
    },
  });
}
