import { eq } from 'drizzle-orm';
import { conversations } from './schema.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { assertMember } from '../workspaces/index.js';
import {
  loadConversation,
  lockConversationIfFree,
  present,
  recordEvent,
  type ConversationRow,
} from './conversation-row.js';

export async function assignConversation(ctx: WorkContext, id: string, userId: string | null) {
  const current = await loadConversation(ctx, id, { forUpdate: true });
  if (userId) await assertMember(ctx, userId, 'userId');
  return assignLocked(ctx, current, userId);
}

/*
 * For automatic routing: assigns unless another transaction holds the conversation, in which case
 * it answers null at once rather than waiting (a router holding its agents' rows never waits on a
 * conversation, so it cannot deadlock with a change that holds the conversation and waits on an
 * agent). The caller has checked the member.
 */
export async function assignIfFree(ctx: WorkContext, id: string, userId: string | null) {
  const current = await lockConversationIfFree(ctx, id);
  return current ? assignLocked(ctx, current, userId) : null;
}

async function assignLocked(ctx: WorkContext, current: ConversationRow, userId: string | null) {
  const id = current.id;
  if (current.assigneeId === userId) return present(current);
  const [row] = await ctx.tx
    .update(conversations)
    .set({ assigneeId: userId, lastActivityAt: new Date() })
    .where(eq(conversations.id, id))
    .returning();
  await recordEvent(ctx, id, userId ? 'assigned' : 'unassigned', {
    fromUserId: current.assigneeId,
    toUserId: userId,
  });
  ctx.emit('conversation.assigned', {
    conversationId: id,
    displayId: current.displayId,
    fromUserId: current.assigneeId,
    toUserId: userId,
  });
  return present(row!);
}
