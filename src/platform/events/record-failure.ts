import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { claimFence, type Claim } from './claim-fence.js';
import { eventOutbox } from './outbox-table.js';

/**
 * Some listeners failed: remember the ones that succeeded (a retry runs only the others) and the
 * errors, then make the row due again after the back-off, or settle it as failed (retryInMs null).
 */
export async function recordFailure(
  db: Db,
  claim: Claim,
  outcome: { deliveredTo: string[]; error: string; retryInMs: number | null },
): Promise<void> {
  const giveUp = outcome.retryInMs === null;
  await db
    .update(eventOutbox)
    .set({
      deliveredTo: outcome.deliveredTo,
      lastError: outcome.error,
      claimedAt: null,
      leaseEndsAt: null,
      nextAttemptAt: giveUp ? null : sql`now() + make_interval(secs => ${outcome.retryInMs! / 1000})`,
      failedAt: giveUp ? sql`now()` : null,
    })
    .where(claimFence([claim]));
}
