import { desc, eq, inArray, max, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { emailBouncedAddresses, emailInbound, emailMailboxes, emailOutbound } from './schema.js';

export type MailboxRow = typeof emailMailboxes.$inferSelect;

export async function loadMailbox(ctx: WorkContext, id: string): Promise<MailboxRow> {
  const [row] = await ctx.tx.select().from(emailMailboxes).where(eq(emailMailboxes.id, id));
  if (!row) throw new AppError('MAILBOX_NOT_FOUND');
  return row;
}

// What an administrator checks first: did mail arrive lately, and is any of it stuck unparsed.
export async function withStats(ctx: WorkContext, rows: MailboxRow[]) {
  const ids = rows.map((r) => r.id);
  const stats = ids.length
    ? await ctx.tx
        .select({
          mailboxId: emailInbound.mailboxId,
          lastReceivedAt: max(emailInbound.receivedAt),
          unparsed: sql<number>`count(*) FILTER (WHERE ${emailInbound.state} = 'unparsed')::int`,
        })
        .from(emailInbound)
        .where(inArray(emailInbound.mailboxId, ids))
        .groupBy(emailInbound.mailboxId)
    : [];
  // A bounced address is flagged where the mail that bounced was sent from.
  const bounced = ids.length
    ? await ctx.tx
        .select({
          mailboxId: emailOutbound.mailboxId,
          address: emailBouncedAddresses.address,
          bounces: emailBouncedAddresses.bounces,
          lastBouncedAt: emailBouncedAddresses.lastBouncedAt,
        })
        .from(emailBouncedAddresses)
        .innerJoin(emailOutbound, eq(emailOutbound.id, emailBouncedAddresses.lastOutboundId))
        .where(inArray(emailOutbound.mailboxId, ids))
        .orderBy(desc(emailBouncedAddresses.lastBouncedAt))
        .limit(100 * ids.length)
    : [];
  const now = Date.now();
  return rows.map((row) => {
    const s = stats.find((x) => x.mailboxId === row.id);
    return {
      id: row.id,
      address: row.address,
      name: row.name,
      autoAcknowledge: row.autoAcknowledge,
      inboundSecret: row.inboundSecret,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      imap: row.imap
        ? {
            ...row.imap,
            uidValidity: row.imapUidValidity,
            lastUid: row.imapLastUid,
            lastPollAt: row.imapLastPollAt,
            lastSuccessAt: row.imapLastSuccessAt,
            lagSeconds: row.imapLastSuccessAt
              ? Math.round((now - row.imapLastSuccessAt.getTime()) / 1000)
              : null,
            lastError: row.imapError,
          }
        : null,
      unparsed: s?.unparsed ?? 0,
      lastReceivedAt: s?.lastReceivedAt ?? null,
      bouncedAddresses: bounced
        .filter((b) => b.mailboxId === row.id)
        .slice(0, 100)
        .map(({ mailboxId: _m, ...b }) => b),
    };
  });
}
