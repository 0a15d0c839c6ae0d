import { createHash } from 'node:crypto';
import { inWorkspace, type ScopeDeps, type WorkContext } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import type { MailboxTarget } from './find-mailbox.js';
import { emailInbound, type InboundVia } from './schema.js';

export type Arrival = {
  raw: Buffer;
  via: InboundVia;
  /** The envelope recipient as the sender gave it (RCPT TO, or the mailbox's address over HTTP). */
  recipient: string;
  /** The SMTP return path: null for `<>`, undefined when the way in does not say. */
  envelopeFrom?: string | null;
};

/**
 * Raw first: the message is committed byte for byte, with its SHA-256, before anything reads it.
 * Only when this resolves may the sender be told the mail is ours (SMTP 250, HTTP 202); the
 * `email.received` event committed with it starts the parsing job, so a crash after the commit
 * still gets the mail parsed on the next start.
 */
export async function storeInbound(
  deps: ScopeDeps,
  mailbox: MailboxTarget,
  arrival: Arrival,
  /** More work to commit with the mail, such as moving an IMAP checkpoint past it. */
  alongside?: (ctx: WorkContext) => Promise<void>,
) {
  return inWorkspace(deps, systemScope(mailbox.workspaceId), async (ctx) => {
    const [row] = await ctx.tx
      .insert(emailInbound)
      .values({
        workspaceId: mailbox.workspaceId,
        mailboxId: mailbox.id,
        via: arrival.via,
        recipient: arrival.recipient,
        envelopeFrom: arrival.envelopeFrom === null ? '' : (arrival.envelopeFrom ?? null),
        raw: arrival.raw,
        size: arrival.raw.length,
        sha256: createHash('sha256').update(arrival.raw).digest('hex'),
      })
      .returning({ id: emailInbound.id, sha256: emailInbound.sha256, receivedAt: emailInbound.receivedAt });
    ctx.emit('email.received', { inboundId: row!.id, mailboxId: mailbox.id });
    await alongside?.(ctx);
    return row!;
  });
}
