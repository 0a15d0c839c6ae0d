import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

const BATCH = 5_000;

type Rows<T> = { rows: T[] };

// Settled events are kept for a while (to see what happened, and why a listener failed), then
// deleted in bounded batches so no single statement holds the table for long. Old rows are found
// by id, in the primary key, rather than by an index on created_at that every event would have
// to enter: the first row created after the cutoff bounds them, since every row before it in id
// order is older. A row whose time and id disagree across that bound waits for the next pass.
export async function pruneOutbox(db: Db, options: { olderThanHours: number }): Promise<number> {
  const first = (await db.execute(sql`
    SELECT id FROM event_outbox
    WHERE created_at >= now() - make_interval(hours => ${options.olderThanHours})
    ORDER BY id LIMIT 1`)) as unknown as Rows<{ id: string | number }>;
  // None that recent: every settled row is old enough.
  const below = first.rows[0] ? sql` AND id < ${String(first.rows[0].id)}::bigint` : sql``;
  let total = 0;
  for (;;) {
    const result = (await db.execute(sql`
      DELETE FROM event_outbox WHERE id IN (
        SELECT id FROM event_outbox
        WHERE next_attempt_at IS NULL${below}
        ORDER BY id LIMIT ${BATCH})
      RETURNING id`)) as unknown as Rows<unknown>;
    total += result.rows.length;
    if (result.rows.length < BATCH) return total;
  }
}
