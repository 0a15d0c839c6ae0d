import { sql } from 'drizzle-orm';
import type { FinalWrite } from '../tenancy/workspace-transaction.js';
import type { DomainEvent, EmittedEvent } from './define-events.js';

/*
 * One statement for all of a transaction's events: insert them in emit order and return their ids.
 * The statement travels with the COMMIT in one round trip (see workspaceTransaction), with its
 * values as parameters, so it is prepared once per connection rather than parsed and planned each time.
 * Other processes hear of the events after the commit (see announce-events.ts), not from here:
 * a NOTIFY inside the transaction would serialise every writer's commit.
 */
export function outboxWrite(
  workspaceId: string,
  pending: readonly EmittedEvent[],
  written: (events: DomainEvent[]) => void,
): FinalWrite {
  const input = JSON.stringify(pending.map((e) => ({ type: e.type, data: e.data, at: e.at })));
  return {
    statement: sql`
      WITH input AS (
        SELECT e, n FROM jsonb_array_elements(${input}::jsonb) WITH ORDINALITY AS t(e, n)
      ), inserted AS (
        INSERT INTO event_outbox (workspace_id, type, data, created_at)
        SELECT ${workspaceId}::uuid, e->>'type', e->'data', (e->>'at')::timestamptz FROM input ORDER BY n
        RETURNING id
      )
      SELECT id FROM inserted ORDER BY id`,
    read: (rows) => written(pending.map((e, i) => ({ ...e, id: Number(rows[i]!.id) }) as DomainEvent)),
  };
}
