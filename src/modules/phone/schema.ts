import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, workspaceId } from '../../db/columns.js';
import { conversations } from '../conversations/schema.js';
import { customers } from '../customers/schema.js';
import { teams, users, workspaces } from '../workspaces/schema.js';

export const phoneLines = pgTable(
  'phone_lines',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** E.164. Its country is how a caller's national number ("020 7946 0958") is read. */
    number: text('number').notNull(),
    // Kept as is, like a mailbox's inbound secret: the bearer check compares with it, and the
    // administrator copies it into the telephony system.
    secret: text('secret').notNull(),
    /** Twilio's auth token, sealed (platform/access/seal-secret.ts), never returned by the API. */
    twilioAuthToken: text('twilio_auth_token'),
    /** The queue a call's new conversation waits in; null leaves it unrouted. */
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    /** Who calls back a caller who asked for it while no one had the call yet. */
    callbackOwnerId: uuid('callback_owner_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('phone_lines_number_key').on(t.workspaceId, t.number)],
);

export const requestVias = ['events', 'twilio'] as const;
/** `received`: stored, not yet applied; `applied`: its events are recorded; `rejected`: unreadable. */
export const requestStates = ['received', 'applied', 'rejected'] as const;

/** Every request a telephony system posted, byte for byte, before anything reads it. */
export const phoneRequests = pgTable(
  'phone_requests',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    // A deleted line leaves its requests behind: they are the record of what the callers did.
    lineId: uuid('line_id').references(() => phoneLines.id, { onDelete: 'set null' }),
    via: text('via', { enum: requestVias }).notNull(),
    contentType: text('content_type'),
    body: text('body').notNull(),
    state: text('state', { enum: requestStates }).notNull().default('received'),
    error: text('error'),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [
    index('phone_requests_line_idx').on(t.lineId, t.receivedAt.desc()),
    // The sweep's question: what is still waiting to be applied.
    index('phone_requests_state_idx').on(t.state, t.receivedAt),
  ],
);

/** One event of one call, once: a second delivery of the same key adds nothing. */
export const phoneCallEvents = pgTable(
  'phone_call_events',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    lineId: uuid('line_id')
      .notNull()
      .references(() => phoneLines.id, { onDelete: 'cascade' }),
    callId: text('call_id').notNull(),
    /** The sender's eventId, or one made from what the event says (see event-key.ts). */
    eventKey: text('event_key').notNull(),
    type: text('type').notNull(),
    at: ts('at').notNull(),
    event: jsonb('event').$type<Record<string, unknown>>().notNull(),
    requestId: uuid('request_id').references(() => phoneRequests.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('phone_call_events_key').on(t.lineId, t.callId, t.eventKey)],
);

/** What Earshot did once for a call, so doing it again is skipped; the rest is derived each time. */
export type CallEffects = {
  verifiedBy?: string;
  callbackPromiseId?: string;
  resumedPromiseId?: string;
  /** The wait given to routing's time-to-first-human figures, to take back if it changes. */
  wait?: { at: string; teamId: string | null; seconds: number | null };
  scoredTranscriptKey?: string;
  /** When the first member took the call, as given to the conversation's first human reply. */
  answeredAt?: string;
  /** The member whose phone capacity the call holds now (null once it ended). */
  lineHeldBy?: string | null;
};

/** A call as its events so far make it, and where it went. */
export const phoneCalls = pgTable(
  'phone_calls',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    lineId: uuid('line_id')
      .notNull()
      .references(() => phoneLines.id, { onDelete: 'cascade' }),
    callId: text('call_id').notNull(),
    caller: text('caller'),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    state: jsonb('state').$type<Record<string, unknown>>().notNull().default({}),
    effects: jsonb('effects').$type<CallEffects>().notNull().default({}),
    /** The call's transcript in the transcript format (docs/transcript-format.md), once posted. */
    transcript: jsonb('transcript').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('phone_calls_key').on(t.lineId, t.callId),
    index('phone_calls_conversation_idx').on(t.conversationId),
  ],
);
