import { and, desc, eq, gte, inArray, notInArray } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { changeStatus } from './change-status.js';
import { conversations, finishedStatuses } from './schema.js';

/*
 * Where a customer reaching us again on a live channel belongs: their open conversation (any
 * channel, the most recently active), else the last one finished within `reopenWithinMs`, reopened,
 * so the customer never gets a parallel conversation. Null when there is neither.
 */
export async function conversationToJoin(ctx: WorkContext, customerId: string, reopenWithinMs: number) {
  const [open] = await ctx.tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.customerId, customerId), notInArray(conversations.status, finishedStatuses)))
    .orderBy(desc(conversations.lastActivityAt))
    .limit(1);
  if (open) return { conversationId: open.id, reopened: false };
  const [recent] = await ctx.tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.customerId, customerId),
        inArray(conversations.status, finishedStatuses),
        gte(conversations.resolvedAt, new Date(Date.now() - reopenWithinMs)),
      ),
    )
    .orderBy(desc(conversations.resolvedAt))
    .limit(1);
  if (!recent) return null;
  await changeStatus(ctx, recent.id, 'open');
  return { conversationId: recent.id, reopened: true };
}
