import { and, eq, gt, sql } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { insertOutbound, realMessageIds } from './insert-outbound.js';
import { ourAddresses } from './our-addresses.js';
import { replySubject } from './queue-reply.js';
import { emailMailboxes, emailOutbound } from './schema.js';

const oncePerMs = 24 * 60 * 60 * 1000;

/**
 * The automatic "we have your message" for a person's mail that opened a conversation, when the
 * mailbox asks for it. Sent where the mail asked answers to go (its Reply-To, as RFC 3834 says an
 * automatic response should), else to its sender. Marked `Auto-Submitted: auto-replied` so other
 * robots do not answer it, and sent at most once a day to one address, the address it goes to:
 * two auto-responders can never mail each other in a loop, whatever From they write with.
 * Automated mail never gets here (routing stops it first). It is mail, not a message on the
 * conversation: no agent answered, and the first human reply is still to come.
 */
export async function acknowledge(
  ctx: WorkContext,
  input: {
    mailboxId: string | null;
    sender: string;
    replyTo: string[];
    subject: string | null;
    messageId: string;
    references: string[];
    conversationId: string;
    displayId: number;
  },
) {
  if (!input.mailboxId) return;
  const [mailbox] = await ctx.tx.select().from(emailMailboxes).where(eq(emailMailboxes.id, input.mailboxId));
  if (!mailbox?.autoAcknowledge) return;
  // A Reply-To naming only our own mailboxes would have us acknowledge ourselves: nothing is sent
  // (not to the sender either, who asked for answers to come elsewhere).
  const isOurs = await ourAddresses(ctx);
  const to = (input.replyTo.length ? input.replyTo.find((a) => !isOurs(a)) : input.sender)?.toLowerCase();
  if (!to || isOurs(to)) return;
  // Two mails from one sender routed at once must not both pass the once-a-day check.
  await ctx.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`ack ${ctx.workspaceId} ${to}`}))`);
  const [recent] = await ctx.tx
    .select({ id: emailOutbound.id })
    .from(emailOutbound)
    .where(
      and(
        eq(emailOutbound.kind, 'acknowledgement'),
        eq(emailOutbound.toAddress, to),
        gt(emailOutbound.createdAt, new Date(Date.now() - oncePerMs)),
      ),
    )
    .limit(1);
  if (recent) return;
  const inReplyTo = realMessageIds([input.messageId])[0] ?? null;
  await insertOutbound(ctx, {
    kind: 'acknowledgement',
    mailboxId: mailbox.id,
    conversationId: input.conversationId,
    messageRef: null,
    mailbox,
    to,
    subject: replySubject(input.subject, input.displayId),
    text:
      `Thank you for your message. We have received it and will answer as soon as we can.\n\n` +
      `Your reference is #${input.displayId}; keep it in the subject if you write again.`,
    inReplyTo,
    references: realMessageIds([...input.references, input.messageId]).slice(-20),
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
  });
}
