import { PgBoss, fromPglite } from 'pg-boss';
import type { Logger } from 'pino';
import type { DbHandle } from '../../db/client.js';

export type BossOptions = {
  schema: string;
  /** PostgreSQL only: connections pg-boss keeps beside the app's own pool. */
  poolSize: number;
};

export function createBoss(handle: DbHandle, options: BossOptions): PgBoss {
  if (handle.kind === 'pglite') {
    // PGlite has one connection and its query() refuses multi-statement text, which pg-boss
    // sends for migrations and locked blocks; fromPglite routes those through exec().
    return new PgBoss({ db: fromPglite(handle.pglite), backend: 'pglite', schema: options.schema });
  }
  // pg-boss gets a pool of its own built from the app's settings rather than the app's pool:
  // its stop() drains and closes its own connections, and its long polls never starve requests.
  const { connectionString, host, port, user, password, database, ssl } = handle.pool.options;
  return new PgBoss({
    connectionString,
    host,
    port,
    user,
    password,
    database,
    ssl,
    max: options.poolSize,
    application_name: 'earshot-jobs',
    schema: options.schema,
  });
}

/** A started pg-boss whose background failures go to the log instead of crashing the process. */
export async function startBoss(handle: DbHandle, options: BossOptions, logger: Logger): Promise<PgBoss> {
  const boss = createBoss(handle, options);
  // An EventEmitter 'error' with no listener throws, which would take the process down.
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  boss.on('warning', (warning) => logger.warn({ warning }, 'job queue warning'));
  try {
    await boss.start();
  } catch (err) {
    // Release the pool a half-started instance may hold, or the process never exits.
    await boss.stop({ graceful: false, close: true }).catch(() => {});
    throw err;
  }
  return boss;
}
