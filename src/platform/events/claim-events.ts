import { and, asc, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { eventOutbox, type OutboxRow } from './outbox-table.js';

// Takes up to `limit` due events, oldest first, in one autocommitted statement: SKIP LOCKED keeps
// concurrent dispatchers on disjoint rows, and the claim's lease hides the rows from them until
// it ends. No transaction stays open while listeners run (on the embedded database it
// would hold the only connection); a dispatcher that dies leaves its rows to be claimed again
// when the lease ends. The claim changes no indexed column (next_attempt_at, in the pending
// index's predicate, stays as it was), so on a page with room (the table's fillfactor) it is a
// HOT update: no index entries, and WAL for the changed bytes only.
export async function claimEvents(
  db: Db,
  options: { limit: number; leaseSeconds: number },
): Promise<OutboxRow[]> {
  const due = db
    .select({ id: eventOutbox.id })
    .from(eventOutbox)
    .where(
      and(
        lte(eventOutbox.nextAttemptAt, sql`now()`),
        or(isNull(eventOutbox.leaseEndsAt), lte(eventOutbox.leaseEndsAt, sql`now()`)),
      ),
    )
    .orderBy(asc(eventOutbox.id))
    .limit(options.limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(eventOutbox)
    .set({
      attempts: sql`${eventOutbox.attempts} + 1`,
      claimedAt: sql`now()`,
      leaseEndsAt: sql`now() + make_interval(secs => ${options.leaseSeconds})`,
    })
    .where(inArray(eventOutbox.id, due))
    .returning();
  return rows.sort((a, b) => a.id - b.id);
}
