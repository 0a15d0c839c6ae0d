import { eq, sql } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { conversations } from './schema.js';

/*
 * A person answered the customer live, outside the conversation's messages (a member took a
 * call): for the first-human-reply time and the service levels it is a human reply at the moment
 * of the answer. Call events may arrive late or out of order, so the earliest answer is kept and
 * the customer's wait ends only if it began before the answer. A bot or an IVR never comes here.
 */
export async function recordHumanAnswer(
  ctx: WorkContext,
  conversationId: string,
  answer: { agentId: string; at: Date; via: 'call' },
) {
  const at = answer.at.toISOString();
  const [row] = await ctx.tx
    .update(conversations)
    .set({
      firstHumanReplyAt: sql`least(coalesce(${conversations.firstHumanReplyAt}, ${at}::timestamptz), ${at}::timestamptz)`,
      lastHumanReplyAt: sql`greatest(${conversations.lastHumanReplyAt}, ${at}::timestamptz)`,
      customerWaitingSince: sql`CASE WHEN ${conversations.customerWaitingSince} <= ${at}::timestamptz THEN NULL ELSE ${conversations.customerWaitingSince} END`,
    })
    .where(eq(conversations.id, conversationId))
    .returning({ displayId: conversations.displayId });
  if (!row) return;
  ctx.emit('conversation.human_answered', {
    conversationId,
    displayId: row.displayId,
    agentId: answer.agentId,
    via: answer.via,
    answeredAt: at,
  });
}
