import { eq } from 'drizzle-orm';
import { conversations } from './schema.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { assertMember } from '../workspaces/index.js';
import { loadConversation, present, recordEvent } from './conversation-row.js';

export async function assignConversation(ctx: WorkContext, id: string, userId: string | null) {
  const current = await loadConversation(ctx, id, { forUpdate: true });
  if (userId) await assertMember(ctx, userId, 'userId');
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
