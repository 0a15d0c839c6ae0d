import { sql, type SQL } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, workspaceId } from '../../db/columns.js';
import { customers } from '../customers/schema.js';
import { teams, users, workspaces } from '../workspaces/schema.js';

export const channels = ['email', 'chat', 'phone', 'social', 'review', 'api'] as const;
export const conversationStatuses = ['open', 'pending', 'waiting_on_customer', 'resolved', 'closed'] as const;
export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export const messageRoles = ['customer', 'agent', 'bot', 'system'] as const;
export type Channel = (typeof channels)[number];
export type ConversationStatus = (typeof conversationStatuses)[number];
export type Priority = (typeof priorities)[number];
/** A skill a conversation needs (or, preferred, wants) its agent to have, at least at a level. */
export type SkillRequirement = { skill: string; minLevel: number; preferred: boolean };
/** Resolved or closed: what gets scored, and what a customer's reply reopens. */
export type FinishedStatus = Extract<ConversationStatus, 'resolved' | 'closed'>;
export const finishedStatuses: FinishedStatus[] = ['resolved', 'closed'];
export const isFinished = (status: unknown): status is FinishedStatus =>
  finishedStatuses.includes(status as FinishedStatus);

// Each conversation is written again with every message: its pages are left a tenth free
// (fillfactor 90, set by migration 0026) so that the new version fits beside the old one, which a
// HOT update needs (a stream of new conversations and messages: 97% of updates HOT without it,
// 99% with it).
/** The hour a time falls in, as the inbox's indexes hold it (see activityHour below). */
export const activityHourOf = (time: SQL) =>
  sql`date_bin('1 hour', ${time}, '2000-01-01T00:00:00Z'::timestamptz)`;

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    displayId: integer('display_id').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    channel: text('channel', { enum: channels }).notNull(),
    status: text('status', { enum: conversationStatuses }).notNull().default('open'),
    priority: text('priority', { enum: priorities }).notNull().default('normal'),
    subject: text('subject'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    // Identity verification belongs to the conversation, not to whoever holds it: it survives
    // every transfer and reassignment.
    verifiedAt: ts('verified_at'),
    verificationMethod: text('verification_method'),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    messageCount: integer('message_count').notNull().default(0),
    firstHumanReplyAt: ts('first_human_reply_at'),
    lastHumanReplyAt: ts('last_human_reply_at'),
    // The customer's first message since a member last answered: how long they have been waiting.
    customerWaitingSince: ts('customer_waiting_since'),
    lastActivityAt: ts('last_activity_at').notNull().defaultNow(),
    // The hour of the last activity, kept by the database: what the inbox's indexes hold instead
    // of the time itself. A message moves last_activity_at but, within the hour, not this, so
    // its update of the conversation changes no indexed column and is HOT (no index entries,
    // the new version beside the old one). Pages are still read in index order, an hour at a time,
    // each hour's rows put in (last_activity_at, id) order by an incremental sort (see
    // activity-order.ts). Not an expression index: PostgreSQL would count any change of
    // last_activity_at as an indexed column's.
    activityHour: ts('activity_hour')
      .notNull()
      .generatedAlwaysAs(activityHourOf(sql`last_activity_at`)),
    resolvedAt: ts('resolved_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('conversations_display_key').on(t.workspaceId, t.displayId),
    // The inbox's pages, newest activity first, each read in order from one of these an hour at a
    // time (see list-conversations.ts and activity-order.ts; within the hour, an incremental sort
    // puts the rows in (last_activity_at, id) order). No index holds last_activity_at itself, so a
    // message's update of its conversation adds no index entry unless its hour changes; the whole
    // inbox is read through the status one, a status at a time, rather than from an index of its
    // own. No column a message's update writes (counters, reply and waiting times) is indexed.
    index('conversations_inbox_idx').on(t.workspaceId, t.status, t.activityHour.desc().nullsFirst()),
    index('conversations_assignee_idx').on(t.workspaceId, t.assigneeId, t.activityHour.desc().nullsFirst()),
    index('conversations_team_idx').on(t.workspaceId, t.teamId, t.activityHour.desc().nullsFirst()),
    index('conversations_customer_idx').on(t.workspaceId, t.customerId, t.createdAt),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: id(),
    // No foreign key of its own to workspaces: a message goes with its conversation (which has one),
    // and checking it would lock the workspace's one row, shared by every message written at once.
    workspaceId: workspaceId(),
    // No foreign key either: both writers take the id from the conversation's row in the same
    // statement or transaction (the add-message UPDATE, which locks it; the INSERT that creates
    // it), so the key's check (a query and a row lock per message) proved nothing. A trigger on
    // conversations (migration 0025) still deletes a conversation's messages with it.
    conversationId: uuid('conversation_id').notNull(),
    role: text('role', { enum: messageRoles }).notNull(),
    // No foreign key either, for the same reason: one member or one API key writing many messages at
    // once would have them all lock that user's row (and build ever larger multixacts to share
    // it). The author is the signed-in actor; a trigger on users (migration 0018) still clears it
    // when the user is deleted, as ON DELETE SET NULL did.
    authorId: uuid('author_id'),
    text: text('text').notNull(),
    // Internal notes are for the team only and never reach the customer.
    internal: boolean('internal').notNull().default(false),
    // What the channel carried beside the text (an email's headers, sanitised HTML, attachments),
    // written by the channel's module and shown on the message as is.
    channelData: jsonb('channel_data').$type<Record<string, unknown>>(),
    // The message's place in its conversation (1, 2, …), taken from message_count under the
    // conversation's row lock: a client that missed messages asks for those after the last it saw.
    seq: integer('seq').notNull(),
    // The sender's idempotency key (a chat widget's): the same key again is the same message.
    clientId: text('client_id'),
    createdAt: createdAt(),
  },
  (t) => [
    // A conversation's messages are found, in order, through this one index: every message adds
    // an entry to each index of the table, and one on (conversation, created_at) only saved
    // sorting a single conversation's messages when it is read whole.
    uniqueIndex('messages_seq_key').on(t.conversationId, t.seq),
    uniqueIndex('messages_client_id_key')
      .on(t.conversationId, t.clientId)
      .where(sql`${t.clientId} IS NOT NULL`),
  ],
);

export const timelineEventTypes = [
  'created',
  'message_added',
  'note_added',
  'assigned',
  'unassigned',
  'transferred',
  'status_changed',
  'priority_changed',
  'verified',
  'customer_merged',
  // A step of a phone call (data.event: queued, ivr, answered, hold, transfer, ended…), written
  // by the phone channel (call-entries.ts).
  'call',
  // The customer asked for a person (the chat widget's "Talk to a person").
  'human_requested',
  // A customer's message quoted a promise's reference (data: promiseId, reference, outcome…),
  // written by the promises module (see promiseEntry).
  'promise',
] as const;
export type TimelineEventType = (typeof timelineEventTypes)[number];

export const conversationEvents = pgTable(
  'conversation_events',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    type: text('type', { enum: timelineEventTypes }).notNull(),
    actorId: uuid('actor_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('conversation_events_conversation_idx').on(t.conversationId, t.createdAt)],
);
