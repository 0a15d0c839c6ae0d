import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadMailbox } from './mailbox-row.js';
import { emailInbound } from './schema.js';
import { presentLogEntry } from './list-mail-log.js';

// An unparsed mail goes through parsing again (after an upgrade that reads it, say): back to
// `received`, and a new event starts a new job.
export async function retryInbound(ctx: WorkContext, mailboxId: string, inboundId: string) {
  await loadMailbox(ctx, mailboxId);
  const [row] = await ctx.tx
    .select({ state: emailInbound.state })
    .from(emailInbound)
    .where(and(eq(emailInbound.id, inboundId), eq(emailInbound.mailboxId, mailboxId)));
  if (!row) throw new AppError('EMAIL_MESSAGE_NOT_FOUND');
  if (row.state !== 'unparsed') {
    throw new AppError('INVALID_STATE', {
      message: `Only unparsed mail is retried; this one is ${row.state}`,
    });
  }
  const [updated] = await ctx.tx
    .update(emailInbound)
    .set({ state: 'received', error: null, retries: sql`${emailInbound.retries} + 1` })
    .where(eq(emailInbound.id, inboundId))
    .returning();
  ctx.emit('email.received', { inboundId, mailboxId });
  return presentLogEntry(updated!);
}
