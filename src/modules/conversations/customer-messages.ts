import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { namesOf } from '../workspaces/index.js';
import { conversations, messages } from './schema.js';

// What a customer may see of their own conversations (a chat widget's history): the messages
// without internal notes, in their order, and who wrote the agents' ones by name only.

export type CustomerMessage = {
  id: string;
  conversationId: string;
  seq: number;
  role: 'customer' | 'agent' | 'bot' | 'system';
  text: string;
  createdAt: Date;
  clientId: string | null;
  authorName: string | null;
};

const columns = {
  id: messages.id,
  conversationId: messages.conversationId,
  seq: messages.seq,
  role: messages.role,
  text: messages.text,
  createdAt: messages.createdAt,
  clientId: messages.clientId,
  authorId: messages.authorId,
};

async function withAuthors(
  ctx: WorkContext,
  rows: (Omit<CustomerMessage, 'authorName'> & { authorId: string | null })[],
): Promise<CustomerMessage[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.authorId ? [r.authorId] : [])))];
  const names = ids.length ? await namesOf(ctx, 'person', ids) : new Map<string, string>();
  return rows.map(({ authorId, ...r }) => ({
    ...r,
    authorName: authorId ? (names.get(authorId) ?? null) : null,
  }));
}

/** The customer-visible messages of a conversation after `afterSeq`, at most `limit`, in order. */
export async function customerMessagesAfter(
  ctx: WorkContext,
  conversationId: string,
  afterSeq: number,
  limit: number,
): Promise<CustomerMessage[]> {
  const rows = await ctx.tx
    .select(columns)
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.internal, false),
        gt(messages.seq, afterSeq),
      ),
    )
    .orderBy(asc(messages.seq))
    .limit(limit);
  return withAuthors(ctx, rows);
}

/** One message as its customer sees it; null for an internal note or none. */
export async function customerMessage(ctx: WorkContext, id: string): Promise<CustomerMessage | null> {
  const [row] = await ctx.tx
    .select(columns)
    .from(messages)
    .where(and(eq(messages.id, id), eq(messages.internal, false)));
  return row ? ((await withAuthors(ctx, [row]))[0] ?? null) : null;
}

/** The message a sender's idempotency key already made in this conversation, if any. */
export async function messageByClientId(ctx: WorkContext, conversationId: string, clientId: string) {
  const [row] = await ctx.tx
    .select(columns)
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.clientId, clientId)));
  return row ? ((await withAuthors(ctx, [row]))[0] ?? null) : null;
}

/** Which of these conversations a sender's idempotency key started (as its first message), if any. */
export async function conversationStartedWith(
  ctx: WorkContext,
  conversationIds: readonly string[],
  clientId: string,
): Promise<string | null> {
  if (!conversationIds.length) return null;
  const [row] = await ctx.tx
    .select({ conversationId: messages.conversationId })
    .from(messages)
    .where(
      and(
        inArray(messages.conversationId, [...conversationIds]),
        eq(messages.clientId, clientId),
        eq(messages.seq, 1),
      ),
    )
    .limit(1);
  return row?.conversationId ?? null;
}

/** A customer's conversations (of the given customers: a profile and those merged into it), newest first. */
export async function conversationsOfCustomers(ctx: WorkContext, customerIds: readonly string[], limit = 50) {
  return ctx.tx
    .select({
      id: conversations.id,
      customerId: conversations.customerId,
      channel: conversations.channel,
      status: conversations.status,
      subject: conversations.subject,
      verifiedAt: conversations.verifiedAt,
      verificationMethod: conversations.verificationMethod,
      messageCount: conversations.messageCount,
      lastActivityAt: conversations.lastActivityAt,
      createdAt: conversations.createdAt,
    })
    .from(conversations)
    .where(inArray(conversations.customerId, [...customerIds]))
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(limit);
}
