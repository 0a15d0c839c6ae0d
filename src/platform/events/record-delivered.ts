import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { claimFence, type Claim } from './claim-fence.js';
import { eventOutbox } from './outbox-table.js';

/** Every listener of these events has run; the rows stay until pruned. */
export async function recordDelivered(db: Db, claims: readonly Claim[]): Promise<void> {
  if (!claims.length) return;
  await db
    .update(eventOutbox)
    .set({ nextAttemptAt: null, claimedAt: null, leaseEndsAt: null, deliveredAt: sql`now()` })
    .where(claimFence(claims));
}
