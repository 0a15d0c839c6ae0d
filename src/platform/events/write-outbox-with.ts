import { sql, type SQL } from 'drizzle-orm';
import { prepareSql, type BoundSql } from '../../db/prepared-sql.js';
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

type OutboxValues = { workspaceId: unknown; type: unknown; data: unknown; at: unknown };

/*
 * The write's own statement, extended to insert its event into the outbox for each row it wrote
 * (so for none, none), and to answer that row with the event's id and complete data, as JSON text:
 * the announcement sends it on as it is (see eventWithDataText), unparsed. One
 * statement, sent with parameters: prepared once per connection, not parsed and planned each time.
 */
export function writeWithOutboxRow(workspaceId: string, write: WriteWithEvent): SQL {
  return withOutboxRow(write.ctes, write.from, write.filled, outboxValues(workspaceId, write.event));
}

/** A write whose text is built once (see prepareSql), for the busiest writes. */
export type PreparedWriteWithEvent<V> = (workspaceId: string, event: EmittedEvent, values: V) => BoundSql;

/**
 * writeWithOutboxRow for a write whose text never changes: `ctes` and `filled` only interpolate
 * its values (see prepareSql), and its event's values are parameters too. With `answer` (columns
 * of the outbox row, whose data holds what `filled` added), the outbox's insert is the statement
 * itself and answers them beside the event: no scan of the write's row joined with the outbox's.
 */
export function prepareWriteWithOutboxRow<V extends Record<string, unknown>>(write: {
  ctes: (values: V) => SQL;
  from: string;
  filled: (values: V) => SQL;
  answer?: SQL;
}): PreparedWriteWithEvent<V> {
  // The event's values under names of their own, beside the write's.
  const prepared = prepareSql<V & { [K in keyof OutboxValues as `outbox.${K}`]: unknown }>((v) =>
    withOutboxRow(
      write.ctes(v),
      write.from,
      write.filled(v),
      {
        workspaceId: v['outbox.workspaceId'],
        type: v['outbox.type'],
        data: v['outbox.data'],
        at: v['outbox.at'],
      },
      write.answer,
    ),
  );
  return (workspaceId, event, values) => {
    const outbox = outboxValues(workspaceId, event);
    // The write's values last: spread first, each property added after the copy would make V8 a
    // new map for every statement (see inWorkspace's ctx).
    return prepared({
      'outbox.workspaceId': outbox.workspaceId,
      'outbox.type': outbox.type,
      'outbox.data': outbox.data,
      'outbox.at': outbox.at,
      ...values,
    });
  };
}

const outboxValues = (workspaceId: string, event: EmittedEvent): OutboxValues => ({
  workspaceId,
  type: event.type,
  data: JSON.stringify(event.data),
  at: event.at,
});

const withOutboxRow = (ctes: SQL, from: string, filled: SQL, outbox: OutboxValues, answer?: SQL) => {
  const row = sql.identifier(from);
  const insert = sql`INSERT INTO event_outbox (workspace_id, type, data, created_at)
      SELECT ${outbox.workspaceId}::uuid, ${outbox.type}, ${outbox.data}::jsonb || ${filled},
        ${outbox.at}::timestamptz FROM ${row}`;
  if (answer)
    return sql`WITH ${ctes} ${insert} RETURNING id AS outbox_id, data::text AS outbox_data, ${answer}`;
  return sql`WITH ${ctes}, outbox_row AS (${insert} RETURNING id, data)
    SELECT w.*, o.id AS outbox_id, o.data::text AS outbox_data FROM ${row} w, outbox_row o`;
};
