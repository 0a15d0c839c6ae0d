import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUuid } from '../../platform/http/input-schemas.js';
import { mailboxKey } from './mailbox-address.js';
import { emailMailboxes } from './schema.js';

export type MailboxTarget = { id: string; workspaceId: string; address: string };

/*
 * Mail names its mailbox before any workspace is known: the SMTP recipient, or the mailbox id in
 * the inbound URL. These two lookups therefore read as the system, outside row-level security, the
 * way API keys are looked up by their hash (identity/authenticate.ts). They are kept this narrow
 * on purpose: by one exact key, returning only where the mail goes (and, for the inbound URL, the
 * secret to check), never anything a workspace wrote. A separate address→workspace table without
 * a workspace_id was the other way; it would be readable by every workspace's database role (no
 * policy covers it) and would have to be kept in step with the mailboxes, so the unique index on
 * the mailboxes' addresses and this lookup do that job instead. Everything after the lookup runs
 * inside the mailbox's workspace.
 */
export async function findMailboxForRecipient(db: Db, recipient: string): Promise<MailboxTarget | null> {
  const key = mailboxKey(recipient);
  return key ? findOne(db, eq(emailMailboxes.address, key)) : null;
}

export async function findMailboxForInboundUrl(db: Db, id: string) {
  return isUuid(id) ? findOne(db, eq(emailMailboxes.id, id)) : null;
}

async function findOne(db: Db, where: SQL): Promise<(MailboxTarget & { inboundSecret: string }) | null> {
  const [row] = await db
    .select({
      id: emailMailboxes.id,
      workspaceId: emailMailboxes.workspaceId,
      address: emailMailboxes.address,
      inboundSecret: emailMailboxes.inboundSecret,
    })
    .from(emailMailboxes)
    .where(where);
  return row ?? null;
}
