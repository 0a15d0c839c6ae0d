import type { Config } from '../config/env.js';
import type { DbHandle } from '../db/client.js';
import { createEventBus } from './events/domain-events.js';
import type { AppDeps } from './http/app-env.js';
import { createLogger } from './logger.js';

export function createDeps(config: Config, handle: DbHandle): AppDeps {
  const logger = createLogger(config.logLevel);
  const events = createEventBus((err, event) => logger.error({ err, event: event.type }, 'event listener failed'));
  return { config, handle, db: handle.db, events, logger };
}
