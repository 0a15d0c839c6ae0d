import { and, desc, eq, inArray } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadConversation, mergeMessageChannelData } from '../conversations/index.js';
import { insertOutbound, realMessageIds } from './insert-outbound.js';
import { emailInbound, emailMailboxes, emailOutbound } from './schema.js';
import { normalizeSubject } from './subject.js';

/** `Re: <subject> [#n]`: the number threads the customer's answer even if every header is lost. */
export const replySubject = (subject: string | null, displayId: number) =>
  `Re: ${normalizeSubject(subject) || 'Your message'} [#${displayId}]`;

/**
 * An agent's reply on an email conversation, made into a mail to the customer's last mail: from
 * the mailbox it came to, in reply to it, with its References carried on. Keyed by the message,
 * so a second delivery of the event finds the mail already queued. Returns null for a
 * conversation that is not email's (or has no mail to answer).
 */
export async function queueReply(
  ctx: WorkContext,
  input: { conversationId: string; messageId: string; text: string },
): Promise<string | null> {
  const [queued] = await ctx.tx
    .select({ id: emailOutbound.id })
    .from(emailOutbound)
    .where(eq(emailOutbound.messageRef, input.messageId));
  if (queued) return queued.id;
  const conversation = await loadConversation(ctx, input.conversationId);
  if (conversation.channel !== 'email') return null;
  const [last] = await ctx.tx
    .select({
      mailboxId: emailInbound.mailboxId,
      messageId: emailInbound.messageId,
      references: emailInbound.references,
      fromAddress: emailInbound.fromAddress,
      subject: emailInbound.subject,
    })
    .from(emailInbound)
    .where(
      and(
        eq(emailInbound.conversationId, input.conversationId),
        inArray(emailInbound.state, ['threaded', 'new_conversation']),
      ),
    )
    .orderBy(desc(emailInbound.receivedAt))
    .limit(1);
  if (!last?.mailboxId || !last.fromAddress) return null;
  const [mailbox] = await ctx.tx.select().from(emailMailboxes).where(eq(emailMailboxes.id, last.mailboxId));
  if (!mailbox) return null;

  const inReplyTo = realMessageIds([last.messageId])[0] ?? null;
  const subject = replySubject(conversation.subject ?? last.subject, conversation.displayId);
  const mail = await insertOutbound(ctx, {
    kind: 'reply',
    mailboxId: mailbox.id,
    conversationId: conversation.id,
    messageRef: input.messageId,
    mailbox,
    to: last.fromAddress,
    subject,
    text: input.text,
    inReplyTo,
    // The chain as the customer's mail had it, then that mail; long chains keep their recent end.
    references: [...new Set(realMessageIds([...last.references, last.messageId]))].slice(-20),
  });
  await mergeMessageChannelData(ctx, input.messageId, {
    email: {
      messageId: mail.messageId,
      from: `${mailbox.name} <${mailbox.address}>`,
      to: [last.fromAddress],
      cc: [],
      subject,
      inReplyTo,
      replyTo: mail.replyTo,
    },
    delivery: { state: 'queued' },
  });
  return mail.id;
}
