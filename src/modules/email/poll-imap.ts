import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import type { Config } from '../../config/env.js';
import type { ScopeDeps } from '../../platform/tenancy/scope.js';
import { unseal } from '../../platform/access/seal-secret.js';
import { emailMailboxes } from './schema.js';
import { storeInbound } from './store-inbound.js';

export type PollDeps = ScopeDeps & { config: Pick<Config, 'sessionSecret'> };
export type PollResult = { stored: number } | { skipped: 'leased' | 'not_imap' } | { error: string };

const leaseSeconds = 300;

/*
 * Like the recipient lookup (find-mailbox.ts), the lease and the checkpoint's bookkeeping are
 * read and written as the system, by the mailbox's id: the fetcher belongs to no request. The
 * mail itself is stored inside the mailbox's workspace.
 */

/**
 * Reads what is new in a mailbox hosted elsewhere. What is new is decided by the UID checkpoint
 * alone — never by \Seen or by dates — so mail someone already read in their client, or that
 * waited days through an outage, still comes in. The folder is opened read-only and bodies are
 * fetched with BODY.PEEK: nothing on the server changes, \Seen included. Each mail is stored raw
 * in the same transaction that moves the checkpoint past it, so a crash re-reads at most nothing.
 * When the folder's UIDVALIDITY changes, its UIDs mean something else: it is read again from the
 * start, and the copies collapse as duplicates (same Message-ID and body). A lease on the
 * mailbox's row keeps a second process from fetching the same mailbox at the same time.
 */
export async function pollImapMailbox(deps: PollDeps, mailboxId: string): Promise<PollResult> {
  const [mailbox] = await deps.db
    .update(emailMailboxes)
    .set({ imapLeaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where(
      and(
        eq(emailMailboxes.id, mailboxId),
        isNotNull(emailMailboxes.imap),
        or(isNull(emailMailboxes.imapLeaseUntil), lt(emailMailboxes.imapLeaseUntil, sql`now()`)),
      ),
    )
    .returning();
  if (!mailbox) {
    const [exists] = await deps.db
      .select({ imap: emailMailboxes.imap })
      .from(emailMailboxes)
      .where(eq(emailMailboxes.id, mailboxId));
    return { skipped: exists?.imap ? 'leased' : 'not_imap' };
  }
  const done = (status: { imapError: string | null; imapLastSuccessAt?: Date }) =>
    deps.db
      .update(emailMailboxes)
      .set({ ...status, imapLastPollAt: new Date(), imapLeaseUntil: null })
      .where(eq(emailMailboxes.id, mailboxId));
  const settings = mailbox.imap!;
  let client: ImapFlow | undefined;
  let stored = 0;
  try {
    client = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: { user: settings.user, pass: unseal(deps.config.sessionSecret, mailbox.imapPassword ?? '') },
      logger: false,
      // A plain connection (secure: false) is what the administrator asked for; no STARTTLS upgrade
      // is forced on a server that does not offer it.
      doSTARTTLS: settings.secure ? undefined : false,
    });
    await client.connect();
    const folder = await client.mailboxOpen(settings.folder, { readOnly: true });
    const uidValidity = String(folder.uidValidity);
    let lastUid = mailbox.imapLastUid;
    if (mailbox.imapUidValidity !== uidValidity) {
      lastUid = 0;
      await deps.db
        .update(emailMailboxes)
        .set({ imapUidValidity: uidValidity, imapLastUid: 0 })
        .where(eq(emailMailboxes.id, mailboxId));
    }
    if (folder.exists > 0 && Number(folder.uidNext) - 1 > lastUid) {
      const target = { id: mailbox.id, workspaceId: mailbox.workspaceId, address: mailbox.address };
      for await (const message of client.fetch(
        `${lastUid + 1}:*`,
        { uid: true, source: true },
        { uid: true },
      )) {
        // `n:*` also answers with the last message when n is past the end: not new.
        if (message.uid <= lastUid || !message.source) continue;
        const uid = message.uid;
        await storeInbound(
          deps,
          target,
          { raw: message.source, via: 'imap', recipient: mailbox.address },
          (ctx) =>
            ctx.tx
              .update(emailMailboxes)
              .set({ imapLastUid: uid })
              .where(and(eq(emailMailboxes.id, mailboxId), eq(emailMailboxes.imapUidValidity, uidValidity)))
              .then(() => undefined),
        );
        lastUid = uid;
        stored++;
      }
    }
    await client.logout();
    await done({ imapError: null, imapLastSuccessAt: new Date() });
    return { stored };
  } catch (err) {
    client?.close();
    const error = (err as Error).message.slice(0, 1_000) || String(err);
    await done({ imapError: error });
    return { error };
  }
}
