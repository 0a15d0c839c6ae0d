import { asc, eq, or } from 'drizzle-orm';
import { actorCan } from '../../platform/access/permissions.js';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { emailInbound } from './schema.js';

/**
 * The exact bytes a mail arrived as, by its log id or by the id of the conversation message it
 * became. Whoever reads conversations may read the original of one; mail that reached no
 * conversation (unparsed, a bounce) is for administrators.
 */
export async function getRaw(ctx: WorkContext, id: string) {
  const [row] = await ctx.tx
    .select({ raw: emailInbound.raw, conversationId: emailInbound.conversationId, id: emailInbound.id })
    .from(emailInbound)
    .where(or(eq(emailInbound.id, id), eq(emailInbound.messageRef, id)))
    // A message's later copies (duplicates) point at it too; the first arrival is its original.
    .orderBy(asc(emailInbound.receivedAt))
    .limit(1);
  if (!row) throw new AppError('EMAIL_MESSAGE_NOT_FOUND');
  if (!row.conversationId && !actorCan(ctx.actor, 'email:manage')) {
    throw new AppError('FORBIDDEN', { message: 'This mail reached no conversation; administrators read it' });
  }
  return row;
}
