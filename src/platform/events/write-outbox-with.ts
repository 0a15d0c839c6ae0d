import { sql, type SQL } from 'drizzle-orm';
import type { EmittedEvent } from './define-events.js';

/** What a write that brings its own event tells: see WorkContext.commitWith. */
export type WriteWithEvent = {
  /** The write's common table expressions (without WITH), the last of them `from`. */
  ctes: SQL;
  /** The expression that yields the written row (one row, or none when nothing was written). */
  from: string;
  /** The event, with the fields known before the write; `filled` adds the others from the row. */
  event: EmittedEvent;
  /** A jsonb expression over `from`'s columns, merged into the event's data. */
  filled: SQL;
};

/*
 * The write's own statement, extended to insert its event into the outbox for each row it wrote
 * (so for none, none), and to answer that row with the event's id and complete data. One
 * statement, sent with parameters: prepared once per connection, not parsed and planned each time.
 */
export function writeWithOutboxRow(workspaceId: string, write: WriteWithEvent): SQL {
  const from = sql.identifier(write.from);
  const { event } = write;
  return sql`WITH ${write.ctes}, outbox_row AS (
      INSERT INTO event_outbox (workspace_id, type, data, created_at)
      SELECT ${workspaceId}::uuid, ${event.type}, ${JSON.stringify(event.data)}::jsonb || ${write.filled},
        ${event.at}::timestamptz FROM ${from}
      RETURNING id, data
    )
    SELECT w.*, o.id AS outbox_id, o.data AS outbox_data FROM ${from} w, outbox_row o`;
}
