import { eq } from 'drizzle-orm';
import { conversations, isFinished, type ConversationStatus } from './schema.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadConversation, present, recordEvent } from './conversation-row.js';

export async function changeStatus(ctx: WorkContext, id: string, status: ConversationStatus) {
  const current = await loadConversation(ctx, id, { forUpdate: true });
  if (current.status === status) return present(current);
  const finished = isFinished(status);
  const [row] = await ctx.tx
    .update(conversations)
    .set({
      status,
      lastActivityAt: new Date(),
      resolvedAt: finished ? (current.resolvedAt ?? new Date()) : null,
    })
    .where(eq(conversations.id, id))
    .returning();
  await recordEvent(ctx, id, 'status_changed', { from: current.status, to: status });
  ctx.emit('conversation.status_changed', {
    conversationId: id,
    displayId: current.displayId,
    from: current.status,
    to: status,
  });
  return present(row!);
}
