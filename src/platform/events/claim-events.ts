import { asc, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { eventOutbox, type OutboxRow } from './outbox-table.js';

// Takes up to `limit` due events, oldest first, in one autocommitted statement: SKIP LOCKED keeps
// concurrent dispatchers on disjoint rows, and moving next_attempt_at past the lease hides the
// rows from them while this one works. No transaction stays open while listeners run (on the
// embedded database it would hold the only connection); a dispatcher that dies leaves its rows
// to be claimed again when the lease ends.
export async function claimEvents(
  db: Db,
  options: { limit: number; leaseSeconds: number },
): Promise<OutboxRow[]> {
  const due = db
    .select({ id: eventOutbox.id })
    .from(eventOutbox)
    .where(lte(eventOutbox.nextAttemptAt, sql`now()`))
    .orderBy(asc(eventOutbox.id))
    .limit(options.limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(eventOutbox)
    .set({
      attempts: sql`${eventOutbox.attempts} + 1`,
      claimedAt: sql`now()`,
      nextAttemptAt: sql`now() + make_interval(secs => ${options.leaseSeconds})`,
    })
    .where(inArray(eventOutbox.id, due))
    .returning();
  return rows.sort((a, b) => a.id - b.id);
}
