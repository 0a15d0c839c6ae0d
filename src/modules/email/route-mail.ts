import { and, asc, eq, getTableColumns, ne, notInArray, sql } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { addChannelMessage, openConversationFromChannel } from '../conversations/index.js';
import { resumePromise } from '../promises/index.js';
import { findCustomerByIdentity, findOrCreateCustomer, normalizeIdentity } from '../customers/index.js';
import { acknowledge } from './acknowledge.js';
import { classifyAutomated } from './classify-automated.js';
import { findThread, mailWords } from './find-thread.js';
import { keepAttachments, listAttachments } from './keep-attachments.js';
import { keepParticipants } from './keep-participants.js';
import { linkBounce } from './link-bounce.js';
import { mailContent, storable, syntheticMessageId } from './mail-content.js';
import type { ParsedMail } from './parse-mail.js';
import { ourAddresses } from './our-addresses.js';
import { emailBouncedAddresses, emailInbound, type EmailFlag, type InboundState } from './schema.js';
import { normalizeSubject } from './subject.js';

const storableAddress = (a: { address: string; name: string }) => ({
  address: storable(a.address),
  name: storable(a.name),
});

// The raw bytes (up to 25 MB) are not read again: the parsed mail carries what routing needs.
const { raw: _raw, ...withoutRaw } = getTableColumns(emailInbound);

type Outcome = Partial<typeof emailInbound.$inferInsert> & { state: InboundState };

/**
 * Where a parsed mail goes, decided and done in one transaction with the mail's log row locked:
 * a copy of a mail already routed (same Message-ID, same body) is recorded as a duplicate of it;
 * a bounce opens nothing; an auto-reply is attached to the conversation it answers, if any, and
 * opens nothing; anyone else's mail threads into the conversation it answers or opens one for the
 * sender, found or created as a customer by address. Returns the state it ends in, or null when
 * there was nothing to do (another run already routed it).
 */
export async function routeMail(
  ctx: WorkContext,
  inboundId: string,
  mail: ParsedMail,
): Promise<InboundState | null> {
  const [row] = await ctx.tx
    .select(withoutRaw)
    .from(emailInbound)
    .where(eq(emailInbound.id, inboundId))
    .for('update');
  if (!row || row.state !== 'received') return null;
  const messageId = storable(mail.messageId ?? syntheticMessageId(mail));
  const flags: EmailFlag[] = [];
  if (!mail.messageId) flags.push('synthetic_message_id');
  if (mail.unknownCharsets.length) flags.push('unknown_charset');
  // Copies of one mail arriving at once (two mailboxes, a retry) are routed one after the other.
  await ctx.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${ctx.workspaceId} ${messageId}`}))`);

  const sender = mail.from?.address ?? row.envelopeFrom ?? '';
  const parsed = {
    messageId,
    bodyHash: mail.bodyHash,
    fromAddress: storable(sender) || null,
    subject: mail.subject ? storable(mail.subject) : null,
    addresses: [
      ...new Set(
        [mail.from, ...mail.to, ...mail.cc, ...mail.replyTo].flatMap((a) => (a ? [storable(a.address)] : [])),
      ),
    ],
    references: [
      ...new Set([mail.inReplyTo, ...mail.references].flatMap((id) => (id ? [storable(id)] : []))),
    ],
    headerAddresses: {
      replyTo: mail.replyTo.map(storableAddress),
      to: mail.to.map(storableAddress),
      cc: mail.cc.map(storableAddress),
    },
  };
  const attachments = listAttachments(mail.attachments);
  const finish = async (outcome: Outcome) => {
    // Every file is kept with the mail that carried it, wherever it went; a duplicate's are its
    // original's.
    if (outcome.state !== 'duplicate' && outcome.state !== 'unparsed') {
      await keepAttachments(ctx, {
        inboundId,
        conversationId: outcome.conversationId ?? null,
        messageRef: outcome.messageRef ?? null,
        listed: attachments,
        parts: mail.attachments,
      });
    }
    await ctx.tx
      .update(emailInbound)
      .set({
        ...parsed,
        ...outcome,
        flags: [...flags, ...(outcome.flags ?? [])],
        error: outcome.error ?? null,
      })
      .where(eq(emailInbound.id, inboundId));
    return outcome.state;
  };

  const earlier = await ctx.tx
    .select(withoutRaw)
    .from(emailInbound)
    .where(
      and(
        eq(emailInbound.messageId, messageId),
        ne(emailInbound.id, inboundId),
        notInArray(emailInbound.state, ['received', 'unparsed']),
      ),
    )
    .orderBy(asc(emailInbound.receivedAt));
  const original = earlier.find((e) => e.bodyHash === mail.bodyHash);
  if (original) {
    return finish({
      state: 'duplicate',
      duplicateOf: original.duplicateOf ?? original.id,
      conversationId: original.conversationId,
      messageRef: original.messageRef,
    });
  }
  // Same id, other content: a sender reusing ids. Both are kept; this one is routed on its own.
  if (earlier.length) flags.push('message_id_reused');

  const automation = classifyAutomated(
    mail,
    row.envelopeFrom === '' ? null : (row.envelopeFrom ?? undefined),
  );
  if (automation.kind === 'bounce') {
    const bounced = await linkBounce(ctx, mail.withoutFiles);
    return finish({
      state: 'bounce',
      conversationId: bounced?.conversationId ?? null,
      details: {
        reason: automation.reason,
        ...(bounced ? { outboundId: bounced.outboundId, bouncedAddress: bounced.address } : {}),
      },
    });
  }
  if (!sender || 'error' in normalizeIdentity('email', sender)) {
    return finish({
      state: 'unparsed',
      error: `The sender ${JSON.stringify(sender)} is not an email address`,
    });
  }
  const known = await findCustomerByIdentity(ctx, { type: 'email', value: sender });
  const thread = await findThread(ctx, mail, row.recipient, sender, known);
  const content = mailContent(mail, messageId, automation.kind === 'auto_reply', attachments);
  const details = {
    ...(automation.kind === 'auto_reply' ? { reason: automation.reason } : {}),
    ...(thread ? { threadedBy: thread.by } : {}),
  };

  if (automation.kind === 'auto_reply') {
    // An out-of-office on a thread is shown there, as what it is; on its own it opens nothing.
    if (!thread?.participant) return finish({ state: 'auto_reply', details });
    const added = await addChannelMessage(ctx, thread.conversationId, { role: 'system', ...content });
    return finish({
      state: 'auto_reply',
      conversationId: thread.conversationId,
      messageRef: added.messageId,
      details,
    });
  }
  // A person's mail: whoever it names takes part, and an address that writes to us again
  // evidently works, so a bounce flag on it is lifted.
  const isOurs = await ourAddresses(ctx);
  await ctx.tx.delete(emailBouncedAddresses).where(eq(emailBouncedAddresses.address, sender));
  // A quoted promise reference is read in the subject and the whole text, not only the new text
  // the message keeps (which the promises module reads too: it acts once per message).
  const resume = async (conversationId: string, messageId: string) => {
    if (thread?.promise)
      await resumePromise(ctx, thread.promise, { conversationId, messageId, text: mailWords(mail) });
  };
  if (thread?.participant) {
    const added = await addChannelMessage(ctx, thread.conversationId, { role: 'customer', ...content });
    await keepParticipants(ctx, thread.conversationId, mail, isOurs);
    await resume(thread.conversationId, added.messageId);
    return finish({
      state: 'threaded',
      conversationId: thread.conversationId,
      messageRef: added.messageId,
      details,
    });
  }
  const customer =
    known ??
    (await findOrCreateCustomer(ctx, { type: 'email', value: sender }, mail.from?.name ?? '')).customerId;
  const opened = await openConversationFromChannel(ctx, {
    customerId: customer,
    channel: 'email',
    subject: storable(normalizeSubject(mail.subject)).slice(0, 300) || undefined,
    ...content,
    ...(thread ? { relatedConversationId: thread.conversationId } : {}),
  });
  await keepParticipants(ctx, opened.conversationId, mail, isOurs);
  await resume(opened.conversationId, opened.messageId);
  await acknowledge(ctx, {
    mailboxId: row.mailboxId,
    sender,
    replyTo: parsed.headerAddresses.replyTo.map((a) => a.address),
    subject: mail.subject,
    messageId,
    references: parsed.references,
    conversationId: opened.conversationId,
    displayId: opened.displayId,
  });
  return finish({
    state: 'new_conversation',
    conversationId: opened.conversationId,
    messageRef: opened.messageId,
    linkedConversationId: thread?.conversationId ?? null,
    flags: thread ? ['linked_reference'] : [],
    details,
  });
}
