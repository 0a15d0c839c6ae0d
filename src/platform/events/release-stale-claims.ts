import { and, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { eventOutbox } from './outbox-table.js';

/**
 * Only for the embedded database, which one process opens at a time: whatever an earlier process
 * had claimed it will never finish (it was killed), so those events are due now rather than when
 * the lease ends. On PostgreSQL other processes' claims may be alive; there the lease decides.
 */
export async function releaseStaleClaims(db: Db): Promise<number> {
  const rows = await db
    .update(eventOutbox)
    .set({ claimedAt: null, leaseEndsAt: null })
    .where(and(isNotNull(eventOutbox.claimedAt), isNotNull(eventOutbox.nextAttemptAt)))
    .returning({ id: eventOutbox.id });
  return rows.length;
}
