import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

const BATCH = 5_000;

// Settled events are kept for a while (to see what happened, and why a listener failed), then
// deleted in bounded batches so no single statement holds the table for long.
export async function pruneOutbox(db: Db, options: { olderThanHours: number }): Promise<number> {
  let total = 0;
  for (;;) {
    const result = (await db.execute(sql`
      DELETE FROM event_outbox WHERE id IN (
        SELECT id FROM event_outbox
        WHERE next_attempt_at IS NULL AND created_at < now() - make_interval(hours => ${options.olderThanHours})
        LIMIT ${BATCH})
      RETURNING id`)) as unknown as { rows: unknown[] };
    total += result.rows.length;
    if (result.rows.length < BATCH) return total;
  }
}
