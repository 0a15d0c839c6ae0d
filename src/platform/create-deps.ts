import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import type { DbHandle } from '../db/client.js';
import { createCredentialCache } from './access/credential-cache.js';
import type { Reactions } from './events/define-reaction.js';
import { noEnrichments, type Enrichments } from './enrichment/define-enrichment.js';
import { noRedirects, type Redirects } from './redirects/define-redirect.js';
import { createEventBus } from './events/domain-events.js';
import type { AppDeps } from './http/app-env.js';
import { createLogger } from './logger.js';
import { createStaffSockets } from './realtime/staff-sockets.js';

export function createDeps(
  config: Config,
  handle: DbHandle,
  reactions: Reactions,
  logger: Logger = createLogger(config.logLevel),
  enrichments: Enrichments = noEnrichments,
  redirects: Redirects = noRedirects,
): AppDeps {
  const events = createEventBus(handle, logger);
  const credentials = createCredentialCache({ ttlMs: 5_000, maxEntries: 10_000 });
  const staffSockets = createStaffSockets();
  return {
    config,
    handle,
    db: handle.db,
    events,
    reactions,
    enrichments,
    redirects,
    logger,
    credentials,
    staffSockets,
  };
}
