import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

// The kernel's outbox: every domain event, written in the transaction that made it true, and
// kept until the dispatcher has run every listener for it (and a while after, for inspection).
// `workspace_id` puts the table under row-level security like any tenant table: requests only
// ever insert their own workspace's events; the dispatcher reads as the system.
// Operators: `failed_at IS NOT NULL` are events given up after the last attempt, with the error in
// `last_error`; setting `next_attempt_at = now(), attempts = 0, failed_at = NULL` delivers one again
// to the listeners not in `delivered_to`.
// Each row is written twice more soon after its insert (claimed, then delivered): its pages are
// left half free (fillfactor 50, set by migration 0025) so that those versions fit beside it,
// where PostgreSQL logs only the bytes that changed (and, for the claim, adds no index entries).
export const eventOutbox = pgTable(
  'event_outbox',
  {
    // Sequence order is delivery order, give or take retries and concurrent dispatchers.
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .default(sql`(current_setting('earshot.workspace_id', true))::uuid`),
    type: text('type').notNull(),
    data: jsonb('data').notNull(),
    createdAt: at('created_at')
      .notNull()
      .default(sql`now()`),
    // Claims so far, the current one included; a claim whose process died counts too.
    attempts: integer('attempts').notNull().default(0),
    // When a dispatcher may claim the row next (a failure pushes it past the back-off); null once
    // the row is settled, delivered or given up.
    nextAttemptAt: at('next_attempt_at').default(sql`now()`),
    claimedAt: at('claimed_at'),
    // The current claim's lease: until then the row is hidden from other dispatchers. Not
    // next_attempt_at, which a claim leaves alone (see claim-events.ts).
    leaseEndsAt: at('lease_ends_at'),
    // Listeners that already succeeded, so a retry runs only the ones that failed.
    deliveredTo: text('delivered_to')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    deliveredAt: at('delivered_at'),
    failedAt: at('failed_at'),
    lastError: text('last_error'),
  },
  // No index on created_at: pruning finds old rows by id (see prune-outbox.ts), and each index
  // costs every event an entry.
  (t) => [
    index('event_outbox_pending_idx')
      .on(t.id)
      .where(sql`${t.nextAttemptAt} IS NOT NULL`),
  ],
);

export type OutboxRow = typeof eventOutbox.$inferSelect;
