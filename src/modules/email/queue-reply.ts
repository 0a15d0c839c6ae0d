import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { getCustomerSummary } from '../customers/index.js';
import { loadConversation, mergeMessageChannelData } from '../conversations/index.js';
import { bouncedAmong } from './bounced-before.js';
import { insertOutbound, realMessageIds } from './insert-outbound.js';
import { ourAddresses } from './our-addresses.js';
import { emailInbound, emailMailboxes, emailOutbound, type HeaderAddresses } from './schema.js';
import { normalizeSubject } from './subject.js';

/** `Re: <subject> [#n]`: the number threads the customer's answer even if every header is lost. */
export const replySubject = (subject: string | null, displayId: number) =>
  `Re: ${normalizeSubject(subject) || 'Your message'} [#${displayId}]`;

type Mailbox = typeof emailMailboxes.$inferSelect;

/**
 * An agent's reply on an email conversation, made into a mail. In answer to the customer's last
 * mail when there is one: from the mailbox it came to, to its Reply-To (else its sender), copied
 * to the others it was addressed or copied to, with its References carried on. With no mail to
 * answer (a conversation opened through the API), a new mail to the customer's address from the
 * workspace's first mailbox. Keyed by the message, so a second delivery of the event finds the
 * mail already queued. Returns null for a conversation that is not email's; one that cannot be
 * mailed (no address, no mailbox) says so in the message's delivery.
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
      headerAddresses: emailInbound.headerAddresses,
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
  const [mailbox] = await ctx.tx
    .select()
    .from(emailMailboxes)
    .where(last?.mailboxId ? eq(emailMailboxes.id, last.mailboxId) : undefined)
    .orderBy(asc(emailMailboxes.createdAt))
    .limit(1);
  const to = last?.fromAddress
    ? await answerRecipients(ctx, last.fromAddress, last.headerAddresses)
    : await customerAddress(ctx, conversation.customerId);
  if (!mailbox || !to) {
    await mergeMessageChannelData(ctx, input.messageId, {
      delivery: {
        state: 'failed',
        error: !mailbox
          ? 'Not sent: the workspace has no mailbox to send from'
          : 'Not sent: the customer has no email address',
      },
    });
    return null;
  }
  const inReplyTo = last ? (realMessageIds([last.messageId])[0] ?? null) : null;
  const subject = last
    ? replySubject(conversation.subject ?? last.subject, conversation.displayId)
    : `${normalizeSubject(conversation.subject) || 'Your request'} [#${conversation.displayId}]`;
  const mail = await insertOutbound(ctx, {
    kind: 'reply',
    mailboxId: mailbox.id,
    conversationId: conversation.id,
    messageRef: input.messageId,
    mailbox,
    to: to.to,
    cc: to.cc,
    subject,
    text: input.text,
    inReplyTo,
    // The chain as the customer's mail had it, then that mail; long chains keep their recent end.
    references: last ? [...new Set(realMessageIds([...last.references, last.messageId]))].slice(-20) : [],
  });
  await mergeMessageChannelData(ctx, input.messageId, {
    email: {
      messageId: mail.messageId,
      from: shownMailbox(mailbox),
      to: [to.to],
      cc: to.cc,
      subject,
      inReplyTo,
      replyTo: mail.replyTo,
    },
    delivery: { state: 'queued' },
  });
  return mail.id;
}

const shownMailbox = (mailbox: Mailbox) => `${mailbox.name} <${mailbox.address}>`;

/**
 * Whom an answer to a mail goes to, as "reply all" does: its Reply-To when it has one, else its
 * sender; copied to everyone else it was addressed or copied to, except our own mailboxes and
 * addresses that bounced.
 */
async function answerRecipients(ctx: WorkContext, sender: string, headers: HeaderAddresses | null) {
  const [first, ...moreReplyTo] = headers?.replyTo.map((a) => a.address) ?? [];
  const to = first ?? sender;
  const isOurs = await ourAddresses(ctx);
  const others = [
    ...new Set([
      ...moreReplyTo,
      ...(headers?.to ?? []).map((a) => a.address),
      ...(headers?.cc ?? []).map((a) => a.address),
    ]),
  ].filter((a) => a !== to && !isOurs(a));
  const bounced = await bouncedAmong(ctx, others);
  return { to, cc: others.filter((a) => !bounced.has(a)).slice(0, 50) };
}

/** A conversation opened without mail is written to at the customer's email address, if any. */
async function customerAddress(ctx: WorkContext, customerId: string) {
  const customer = await getCustomerSummary(ctx, customerId);
  const email = customer?.identities.find((i) => i.type === 'email')?.displayValue;
  return email ? { to: email.toLowerCase(), cc: [] as string[] } : null;
}
