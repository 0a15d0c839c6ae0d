import { sqlLiteral } from '../../db/sql-literal.js';
import type { FinalWrite } from '../tenancy/workspace-transaction.js';
import type { DomainEvent, EmittedEvent } from './define-events.js';
import { EVENT_CHANNEL, wireText } from './event-channel.js';

/*
 * One statement for all of a transaction's events: insert them in emit order and, on PostgreSQL,
 * NOTIFY each one. PostgreSQL delivers notifications only when the transaction commits, so every
 * listening process (realtime, dispatchers) hears exactly the events that became true. The
 * statement travels with the COMMIT in one round trip (see workspaceTransaction), so its values are
 * inlined as literals; the workspace id was checked to be a UUID before the transaction began.
 */
export function outboxWrite(
  options: { workspaceId: string; notify: boolean },
  pending: readonly EmittedEvent[],
  written: (events: DomainEvent[]) => void,
): FinalWrite {
  const input = sqlLiteral(
    JSON.stringify(
      pending.map((e) => ({
        type: e.type,
        data: e.data,
        at: e.at,
        wire: options.notify ? wireText(e) : null,
      })),
    ),
  );
  const announce = options.notify
    ? `pg_notify(${sqlLiteral(EVENT_CHANNEL)}, '{"id":' || numbered.id || ',' || substr(input.e->>'wire', 2))`
    : 'NULL';
  return {
    text: `
      WITH input AS (
        SELECT e, n FROM jsonb_array_elements(${input}::jsonb) WITH ORDINALITY AS t(e, n)
      ), inserted AS (
        INSERT INTO event_outbox (workspace_id, type, data, created_at)
        SELECT '${options.workspaceId}'::uuid, e->>'type', e->'data', (e->>'at')::timestamptz FROM input ORDER BY n
        RETURNING id
      ), numbered AS (
        SELECT id, row_number() OVER (ORDER BY id) AS n FROM inserted
      )
      SELECT numbered.id, ${announce} AS announced FROM numbered JOIN input USING (n) ORDER BY n`,
    read: (rows) => written(pending.map((e, i) => ({ ...e, id: Number(rows[i]!.id) }) as DomainEvent)),
  };
}
