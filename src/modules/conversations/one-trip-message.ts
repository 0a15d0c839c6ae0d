import { sql, type SQL } from 'drizzle-orm';
import { finishedStatuses } from './schema.js';
import type { WrittenRole } from './author-kind.js';
import { prepareWriteWithOutboxRow } from '../../platform/events/write-outbox-with.js';

export type OneTripValues = {
  conversationId: string;
  workspaceId: string;
  /** Chosen by the caller, so the event names the message without the statement answering it. */
  messageId: string;
  /** ISO 8601, one parameter however many times it is used (see prepareSql). */
  now: string;
  role: WrittenRole;
  authorId: string | null;
  text: string;
  channelData: string | null;
  clientId: string | null;
};

/** A human's reply, a customer's message, or any other (a bot's, an automation's, a system's). */
export type OneTripKind = 'humanReply' | 'customer' | 'other';

/*
 * The one-trip writes of addMessage, their text built once, one for each kind of message so that
 * each sets only what that kind changes (no CASE on flags sent as values). Each requires the
 * conversation's first human, so that time is never set here, and a customer's message also an
 * unfinished conversation; otherwise it writes nothing. The outbox's insert is the statement (see
 * prepareWriteWithOutboxRow): the message's insert answers nothing (PostgreSQL runs a writing
 * CTE all the same) and the event reads the conversation's update, so the database answers only
 * the message's place in its conversation, read from the event. Each CTE scan, column answered
 * and parameter read costs PostgreSQL on every message: this is most of its work per message.
 */
const oneTrip = (set: (v: OneTripValues) => SQL, required: SQL = sql``) =>
  prepareWriteWithOutboxRow<OneTripValues>({
    ctes: (v) => sql`touched AS (
      UPDATE conversations SET message_count = message_count + 1, last_activity_at = ${v.now}${set(v)}
      WHERE id = ${v.conversationId} AND first_human_reply_at IS NOT NULL${required}
      RETURNING display_id, message_count, channel
    ), added AS (
      INSERT INTO messages (id, workspace_id, conversation_id, role, author_id, text, internal, channel_data,
        seq, client_id, created_at)
      SELECT ${v.messageId}, ${v.workspaceId}, ${v.conversationId}, ${v.role}, ${v.authorId}, ${v.text}, false,
        ${v.channelData}::jsonb, message_count, ${v.clientId}, ${v.now} FROM touched
    )`,
    from: 'touched',
    filled: (v) =>
      sql`jsonb_build_object('displayId', display_id, 'messageId', ${v.messageId}::uuid, 'seq', message_count, 'channel', channel)`,
    answer: sql`(data->'seq')::int AS seq`,
  });

const writes = {
  humanReply: oneTrip((v) => sql`, last_human_reply_at = ${v.now}, customer_waiting_since = NULL`),
  customer: oneTrip(
    (v) => sql`, customer_waiting_since = coalesce(customer_waiting_since, ${v.now})`,
    sql` AND status NOT IN (${sql.join(
      finishedStatuses.map((status) => sql`${status}`),
      sql`, `,
    )})`,
  ),
  other: oneTrip(() => sql``),
};

export const oneTripWrite = (kind: OneTripKind) => writes[kind];
