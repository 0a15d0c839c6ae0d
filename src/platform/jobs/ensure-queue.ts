import type { PgBoss, QueueResult } from 'pg-boss';
import type { Logger } from 'pino';
import type { JobOptions } from './define-job.js';

// Earshot's defaults rather than pg-boss's (2 immediate retries): most failures here are a mail
// server or webhook that needs a moment, so retries back off.
const defaults = {
  retryLimit: 3,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 900,
  deleteAfterSeconds: 7 * 24 * 3600,
};

type QueueSettings = typeof defaults;

export function queueSettings(options: JobOptions<never>): QueueSettings {
  return {
    retryLimit: options.retryLimit ?? defaults.retryLimit,
    retryDelay: options.retryDelaySeconds ?? defaults.retryDelay,
    retryBackoff: options.retryBackoff ?? defaults.retryBackoff,
    expireInSeconds: options.expireInSeconds ?? defaults.expireInSeconds,
    deleteAfterSeconds: options.deleteAfterSeconds ?? defaults.deleteAfterSeconds,
  };
}

/**
 * Creates the queue, or brings an existing one in line with the definition: pg-boss copies a
 * queue's retry settings into each job it inserts, so a changed definition must reach the queue
 * row before the next send.
 */
export async function ensureQueue(
  boss: PgBoss,
  logger: Logger,
  name: string,
  options: JobOptions<never>,
): Promise<void> {
  const settings = queueSettings(options);
  const policy = options.policy ?? 'standard';
  const existing = await boss.getQueue(name);
  if (!existing) {
    // A no-op if another process created it in the meantime.
    await boss.createQueue(name, { ...settings, policy });
    return;
  }
  if (existing.policy !== policy) {
    logger.warn(
      { job: name, current: existing.policy, wanted: policy },
      'a queue policy cannot change after creation; delete the queue to apply the new one',
    );
  }
  if (differs(existing, settings)) await boss.updateQueue(name, settings);
}

function differs(existing: QueueResult, settings: QueueSettings): boolean {
  return (Object.keys(settings) as (keyof QueueSettings)[]).some((key) => existing[key] !== settings[key]);
}
