import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { findConversationByDisplayId, loadConversation } from '../conversations/index.js';
import { promiseReferencedIn } from '../promises/index.js';
import type { ParsedMail } from './parse-mail.js';
import { replyTokenIn } from './compose-outbound.js';
import { emailInbound, emailOutbound } from './schema.js';
import { subjectReference } from './subject.js';

export type ThreadMatch = {
  conversationId: string;
  by: 'reply_token' | 'in_reply_to' | 'references' | 'subject_reference' | 'promise_reference';
  /** Found by a promise's reference (in the subject or the text): that promise. */
  promise?: ReferencedPromise;
  /** False: the sender took no part in it, so the mail opens a conversation linked to it instead. */
  participant: boolean;
};

/**
 * The conversation a mail answers, found in this order: the reply token of a mail we sent, in the
 * address it was sent to (`support+r-<token>@…`, envelope first, then To and Cc); the message it
 * replies to (In-Reply-To), any message in its References (latest first), ours or the
 * customer's; a `[#n]` in its subject; a promise's reference in its subject or text (the
 * promise's conversation). The first
 * conversation found decides. It only threads when the sender takes part in it: the
 * conversation's customer, or someone its mails were from, to or copied to. A stranger quoting a
 * ticket number never lands in someone else's case: their mail opens a conversation linked to it,
 * and their next mail about it continues that one. So replies to one broadcast from different
 * people thread per sender.
 */
export async function findThread(
  ctx: WorkContext,
  mail: ParsedMail,
  recipient: string,
  sender: string,
  senderCustomerId: string | null,
): Promise<ThreadMatch | null> {
  const found =
    (await byReplyToken(ctx, mail, recipient)) ??
    (await byMessageIds(ctx, mail)) ??
    (await bySubject(ctx, mail)) ??
    (await byPromiseReference(ctx, mail));
  if (!found) return null;
  if (await takesPart(ctx, found.conversationId, sender, senderCustomerId))
    return { ...found, participant: true };
  const own = await linkedConversationOf(ctx, found.conversationId, sender);
  return own ? { conversationId: own, by: found.by, participant: true } : { ...found, participant: false };
}

/** The conversation this sender's earlier mail about `conversationId` opened beside it, if any. */
async function linkedConversationOf(ctx: WorkContext, conversationId: string, sender: string) {
  const [row] = await ctx.tx
    .select({ conversationId: emailInbound.conversationId })
    .from(emailInbound)
    .where(
      and(
        eq(emailInbound.linkedConversationId, conversationId),
        eq(emailInbound.fromAddress, sender),
        isNotNull(emailInbound.conversationId),
      ),
    )
    .orderBy(desc(emailInbound.receivedAt))
    .limit(1);
  return row?.conversationId ?? null;
}

async function byMessageIds(ctx: WorkContext, mail: ParsedMail) {
  const ordered = [
    ...(mail.inReplyTo ? [{ id: mail.inReplyTo, by: 'in_reply_to' as const }] : []),
    ...[...mail.references].reverse().map((id) => ({ id, by: 'references' as const })),
  ];
  if (!ordered.length) return null;
  const rows = await ctx.tx
    .selectDistinctOn([emailInbound.messageId], {
      messageId: emailInbound.messageId,
      conversationId: emailInbound.conversationId,
    })
    .from(emailInbound)
    .where(
      and(
        inArray(
          emailInbound.messageId,
          ordered.map((o) => o.id),
        ),
        isNotNull(emailInbound.conversationId),
      ),
    )
    .orderBy(asc(emailInbound.messageId), asc(emailInbound.receivedAt));
  const ours = await ctx.tx
    .select({ messageId: emailOutbound.messageId, conversationId: emailOutbound.conversationId })
    .from(emailOutbound)
    .where(
      and(
        inArray(
          emailOutbound.messageId,
          ordered.map((o) => o.id),
        ),
        isNotNull(emailOutbound.conversationId),
      ),
    );
  for (const candidate of ordered) {
    const row = [...rows, ...ours].find((r) => r.messageId === candidate.id);
    if (row?.conversationId) return { conversationId: row.conversationId, by: candidate.by };
  }
  return null;
}

async function byReplyToken(ctx: WorkContext, mail: ParsedMail, recipient: string) {
  const tokens = [recipient, ...mail.to.map((a) => a.address), ...mail.cc.map((a) => a.address)]
    .map(replyTokenIn)
    .filter((t): t is string => t !== null);
  if (!tokens.length) return null;
  const [row] = await ctx.tx
    .select({ conversationId: emailOutbound.conversationId })
    .from(emailOutbound)
    .where(and(inArray(emailOutbound.replyToken, tokens), isNotNull(emailOutbound.conversationId)))
    .limit(1);
  return row?.conversationId ? { conversationId: row.conversationId, by: 'reply_token' as const } : null;
}

async function bySubject(ctx: WorkContext, mail: ParsedMail) {
  const displayId = subjectReference(mail.subject);
  if (displayId === null) return null;
  const conversation = await findConversationByDisplayId(ctx, displayId);
  return conversation ? { conversationId: conversation.id, by: 'subject_reference' as const } : null;
}

type ReferencedPromise = NonNullable<Awaited<ReturnType<typeof promiseReferencedIn>>>;

async function byPromiseReference(ctx: WorkContext, mail: ParsedMail) {
  const promise = await promiseReferencedIn(ctx, mailWords(mail));
  return promise
    ? { conversationId: promise.conversationId, by: 'promise_reference' as const, promise }
    : null;
}

/** What a mail says, for finding a reference in it or reading an answer: its subject and text. */
export const mailWords = (mail: ParsedMail) => `${mail.subject ?? ''}\n${mail.text}`;

async function takesPart(
  ctx: WorkContext,
  conversationId: string,
  sender: string,
  customerId: string | null,
) {
  const conversation = await loadConversation(ctx, conversationId);
  if (customerId && conversation.customerId === customerId) return true;
  const [named] = await ctx.tx
    .select({ id: emailInbound.id })
    .from(emailInbound)
    .where(
      and(
        eq(emailInbound.conversationId, conversationId),
        sql`${emailInbound.addresses} @> ARRAY[${sender}]::text[]`,
      ),
    )
    .limit(1);
  return Boolean(named);
}
