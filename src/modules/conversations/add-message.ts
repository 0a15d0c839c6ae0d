import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { channels, conversations, isFinished } from './schema.js';
import { noteAnswered, wasAnswered } from './answered-conversations.js';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { recordEvent } from './conversation-row.js';
import { requireCustomerVoice } from './require-customer-voice.js';
import { authorOf, type WrittenRole } from './author-kind.js';
import { oneTripWrite } from './one-trip-message.js';

export type AddMessageInput = {
  /**
   * 'system': something automated on the customer's side (an out-of-office), which reopens nothing.
   * 'bot': a bot answering as itself, never a human reply (nor is 'agent' sent with an automation key).
   */
  role: WrittenRole;
  text: string;
  internal?: boolean;
  channelData?: Record<string, unknown>;
  /** The sender's idempotency key; the caller checks it is new under the conversation's lock. */
  clientId?: string;
  /** A draft Earshot proposes to the team (see proposeMessage): an internal note nobody wrote. */
  proposed?: boolean;
};

type AddedRow = {
  id: string;
  role: WrittenRole;
  author_id: string | null;
  text: string;
  internal: boolean;
  created_at: Date | string;
  display_id: number;
  status: string;
  awaiting_human: boolean;
  seq: number;
  client_id: string | null;
  channel: (typeof channels)[number];
};

type WriteValues = {
  conversationId: string;
  /** ISO 8601: sent as it is, where a Date would be formatted again for each of its six uses. */
  now: string;
  humanReply: boolean;
  customer: boolean;
  role: WrittenRole;
  authorId: string | null;
  text: string;
  internal: boolean;
  channelData: string | null;
  clientId: string | null;
};

// The message's statement, the conversation's update feeding its insert.
const messageWrite = (v: WriteValues) => sql`touched AS (
      UPDATE conversations
      SET message_count = message_count + 1,
          last_activity_at = ${v.now},
          first_human_reply_at = CASE WHEN ${v.humanReply} THEN coalesce(first_human_reply_at, ${v.now}) ELSE first_human_reply_at END,
          last_human_reply_at = CASE WHEN ${v.humanReply} THEN ${v.now} ELSE last_human_reply_at END,
          customer_waiting_since = CASE WHEN ${v.humanReply} THEN NULL
            WHEN ${v.customer} THEN coalesce(customer_waiting_since, ${v.now})
            ELSE customer_waiting_since END
      WHERE id = ${v.conversationId}
      RETURNING id, workspace_id, display_id, status, message_count, channel,
        CASE WHEN ${v.humanReply} THEN first_human_reply_at = ${v.now} ELSE first_human_reply_at IS NULL END AS awaiting_human
    ), added AS (
      INSERT INTO messages (workspace_id, conversation_id, role, author_id, text, internal, channel_data,
        seq, client_id, created_at)
      SELECT workspace_id, id, ${v.role}, ${v.authorId}, ${v.text}, ${v.internal},
        ${v.channelData}::jsonb, message_count, ${v.clientId}, ${v.now} FROM touched
      RETURNING id, role, author_id, text, internal, created_at, seq, client_id,
        (SELECT display_id FROM touched), (SELECT status FROM touched), (SELECT awaiting_human FROM touched),
        (SELECT channel FROM touched)
    )`;

/*
 * The busiest write in a help desk, so it is one statement: the UPDATE locks the conversation
 * (concurrent messages count up one after another), keeps its counters and first-reply time, and
 * feeds the INSERT; a conversation that does not exist, or belongs to another workspace (row-level
 * security hides it), updates nothing and so inserts nothing.
 * When it is the request's one write (`last`) and the conversation is known to have had its first
 * human (answered-conversations.ts), its event is known before it runs: the statement then writes
 * the event too and goes with the COMMIT, one round trip (see commitWith). It requires the first
 * human, and a customer's message an unfinished conversation (else it reopens it), and writes
 * nothing otherwise; the request then runs again the ordinary way.
 */
export async function addMessage(
  ctx: WorkContext,
  conversationId: string,
  input: AddMessageInput,
  options: { last?: boolean } = {},
) {
  if (input.role === 'customer' || input.role === 'system') requireCustomerVoice(ctx);
  const author = input.proposed
    ? { role: 'agent' as const, kind: 'automation' as const, authorId: null }
    : authorOf(ctx, input.role);
  const internal = author.role === 'agent' && Boolean(input.internal);
  const humanReply = author.kind === 'human' && !internal;
  const values: WriteValues = {
    conversationId,
    now: new Date().toISOString(),
    humanReply,
    customer: input.role === 'customer',
    role: author.role,
    authorId: author.authorId,
    text: input.text,
    internal,
    channelData: input.channelData ? JSON.stringify(input.channelData) : null,
    clientId: input.clientId ?? null,
  };

  if (options.last && !internal && wasAnswered(conversationId)) {
    const prepared = oneTripWrite(humanReply ? 'humanReply' : values.customer ? 'customer' : 'other');
    const messageId = randomUUID();
    const written = await ctx.commitWith({
      // Named one by one, not `{ ...values, workspaceId, messageId }`: see inWorkspace's ctx.
      statement: (workspaceId, event) =>
        prepared(workspaceId, event, {
          conversationId,
          workspaceId,
          messageId,
          now: values.now,
          role: values.role,
          authorId: values.authorId,
          text: values.text,
          channelData: values.channelData,
          clientId: values.clientId,
        }),
      event: {
        type: 'conversation.message_added',
        data: {
          conversationId,
          role: author.role,
          authorKind: author.kind,
          internal,
          text: input.text,
          awaitingHuman: false,
        },
      },
    });
    const row = written?.[0] as Pick<AddedRow, 'seq'> | undefined;
    if (row) {
      return answer({
        id: messageId,
        role: values.role,
        author_id: values.authorId,
        text: values.text,
        internal,
        created_at: values.now,
        seq: row.seq,
        client_id: values.clientId,
      });
    }
  }

  const result = await ctx.tx.execute(sql`WITH ${messageWrite(values)} SELECT * FROM added`);
  const row = (result as unknown as { rows: AddedRow[] }).rows[0];
  if (!row) throw new AppError('CONVERSATION_NOT_FOUND');
  noteAnswered(conversationId, !row.awaiting_human || humanReply);

  if (internal) await recordEvent(ctx, conversationId, 'note_added', { messageId: row.id, note: input.text });
  // A customer writing back into a finished conversation reopens it rather than starting over.
  if (input.role === 'customer' && isFinished(row.status)) {
    await ctx.tx
      .update(conversations)
      .set({ status: 'open', resolvedAt: null })
      .where(eq(conversations.id, conversationId));
    await recordEvent(ctx, conversationId, 'status_changed', {
      from: row.status,
      to: 'open',
      reason: 'customer replied',
    });
    ctx.emit('conversation.status_changed', {
      conversationId,
      displayId: Number(row.display_id),
      from: row.status as 'resolved' | 'closed',
      to: 'open',
    });
  }
  ctx.emit('conversation.message_added', {
    conversationId,
    displayId: Number(row.display_id),
    messageId: row.id,
    role: row.role,
    authorKind: author.kind,
    internal,
    text: row.text,
    awaitingHuman: row.awaiting_human,
    seq: Number(row.seq),
    channel: row.channel,
  });
  return answer(row);
}

const answer = (row: Omit<AddedRow, 'display_id' | 'status' | 'awaiting_human' | 'channel'>) => ({
  id: row.id,
  role: row.role,
  authorId: row.author_id,
  text: row.text,
  internal: row.internal,
  seq: Number(row.seq),
  clientId: row.client_id,
  createdAt: new Date(row.created_at),
});
