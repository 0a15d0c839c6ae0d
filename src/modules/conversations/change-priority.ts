import { eq } from 'drizzle-orm';
import { conversations, type Priority } from './schema.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadConversation, present, recordEvent } from './conversation-row.js';

// A new priority moves the conversation in its queue (routing reacts) and may bring another
// service-level policy (service levels listen); the timeline keeps who changed it from what.
export async function changePriority(ctx: WorkContext, id: string, priority: Priority) {
  const current = await loadConversation(ctx, id, { forUpdate: true });
  if (current.priority === priority) return present(current);
  const [row] = await ctx.tx
    .update(conversations)
    .set({ priority, lastActivityAt: new Date() })
    .where(eq(conversations.id, id))
    .returning();
  await recordEvent(ctx, id, 'priority_changed', { from: current.priority, to: priority });
  ctx.emit('conversation.priority_changed', {
    conversationId: id,
    displayId: current.displayId,
    from: current.priority,
    to: priority,
  });
  return present(row!);
}
