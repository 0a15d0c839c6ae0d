import pino from 'pino';
import type { Config } from '../config/env.js';
import type { DbHandle } from '../db/client.js';
import { createAppDeps } from '../app/create-app-deps.js';
import { createLogger } from '../platform/logger.js';
import type { AppDeps } from '../platform/http/app-env.js';

// The server's dependencies, except that logs go to stderr: a command's stdout is its answer
// (`--json` output is read by scripts) and must hold nothing else.
export function createCliDeps(config: Config, handle: DbHandle): AppDeps {
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, pino.destination(2));
  return createAppDeps(config, handle, logger);
}
