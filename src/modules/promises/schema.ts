import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, workspaceId } from '../../db/columns.js';
import { conversations } from '../conversations/schema.js';
import { users, workspaces } from '../workspaces/schema.js';

export const promiseTypes = ['quote', 'coupon', 'callback', 'follow_up'] as const;
export const promiseStatuses = ['open', 'kept', 'broken', 'expired', 'cancelled'] as const;
export type PromiseType = (typeof promiseTypes)[number];
export type PromiseStatus = (typeof promiseStatuses)[number];
/** Who closed a promise: a member (kept or cancelled it), the customer (accepted a quote), or time. */
export const closers = ['member', 'customer', 'system'] as const;
/** How a call back to the customer went; only `reached` keeps the promise. */
export const attemptOutcomes = ['reached', 'no_answer', 'busy', 'voicemail', 'wrong_number'] as const;
export type AttemptOutcome = (typeof attemptOutcomes)[number];

export const promises = pgTable(
  'promises',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    // Canonical form: seven symbols, no separator (see reference.ts).
    reference: text('reference').notNull(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    type: text('type', { enum: promiseTypes }).notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: promiseStatuses }).notNull().default('open'),
    terms: text('terms').notNull(),
    // Either a moment (dueAt) or a window (from, to), never both.
    dueAt: ts('due_at'),
    windowFrom: ts('window_from'),
    windowTo: ts('window_to'),
    expiresAt: ts('expires_at'),
    // When an open promise becomes broken: the due time (or the window's end) plus the grace,
    // fixed at creation so the sweep reads one indexed column.
    breaksAt: ts('breaks_at').notNull(),
    // When the owner is reminded; cleared once the reminder went out (remindedAt keeps when).
    remindAt: ts('remind_at'),
    remindedAt: ts('reminded_at'),
    renewalRequestedAt: ts('renewal_requested_at'),
    // Callbacks: the number to call (E.164), how many tries it gets, how many were made.
    callbackPhone: text('callback_phone'),
    maxAttempts: integer('max_attempts'),
    attemptCount: integer('attempt_count').notNull().default(0),
    closedAt: ts('closed_at'),
    closedBy: text('closed_by', { enum: closers }),
    closedById: uuid('closed_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('promises_reference_key').on(t.workspaceId, t.reference),
    index('promises_list_idx').on(t.workspaceId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('promises_conversation_idx').on(t.conversationId, t.status),
    // The sweep's three questions — open and past a moment — each one index range, across all
    // workspaces, however many promises were kept long ago.
    index('promises_breaks_idx').on(t.status, t.breaksAt),
    index('promises_expires_idx').on(t.status, t.expiresAt),
    index('promises_remind_idx').on(t.status, t.remindAt),
  ],
);

export type PromiseRow = typeof promises.$inferSelect;

/** Each try at a callback, kept so the customer's story shows every call that did not reach them. */
export const promiseAttempts = pgTable(
  'promise_attempts',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    promiseId: uuid('promise_id')
      .notNull()
      .references(() => promises.id, { onDelete: 'cascade' }),
    outcome: text('outcome', { enum: attemptOutcomes }).notNull(),
    note: text('note'),
    byId: uuid('by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('promise_attempts_promise_idx').on(t.promiseId, t.createdAt)],
);

export const alertKinds = ['promise_broken'] as const;

/**
 * What a supervisor is told about a member's promise: for now, that it was broken. Addressed to
 * the owner's supervisor (see alert-supervisor.ts), or to nobody in particular when the desk has
 * no one above the owner, in which case every desk lead sees it. One per promise and kind, so a
 * repeated event records nothing twice.
 */
export const promiseAlerts = pgTable(
  'promise_alerts',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: alertKinds }).notNull(),
    promiseId: uuid('promise_id')
      .notNull()
      .references(() => promises.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id').references(() => users.id, { onDelete: 'set null' }),
    // The draft proposed to the customer with it, if one could be written.
    proposedMessageId: uuid('proposed_message_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('promise_alerts_promise_key').on(t.promiseId, t.kind),
    index('promise_alerts_recipient_idx').on(
      t.workspaceId,
      t.recipientId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
  ],
);

export const mentionOutcomes = ['shown', 'kept', 'renewal_proposed'] as const;

/**
 * Each customer message that quoted a promise's reference: what it did (showed the promise to its
 * owner; kept a quote the customer accepted; proposed a renewal of an expired one), and whether
 * it came from the promise's own customer. One per promise and message, so the channel that
 * routed the message and the reaction that read it never act twice.
 */
export const promiseMentions = pgTable(
  'promise_mentions',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    promiseId: uuid('promise_id')
      .notNull()
      .references(() => promises.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').notNull(),
    participant: boolean('participant').notNull(),
    outcome: text('outcome', { enum: mentionOutcomes }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('promise_mentions_message_key').on(t.promiseId, t.messageId)],
);
