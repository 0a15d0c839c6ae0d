import { eq, sql } from 'drizzle-orm';
import { conversations, messages } from '../../db/schema.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadConversation, recordEvent } from './conversation-row.js';

export type AddMessageInput = { role: 'agent' | 'customer'; text: string; internal?: boolean };

export async function addMessage(ctx: WorkContext, conversationId: string, input: AddMessageInput) {
  const conversation = await loadConversation(ctx, conversationId, { forUpdate: true });
  const internal = input.role === 'agent' && Boolean(input.internal);
  const now = new Date();
  const [message] = await ctx.tx
    .insert(messages)
    .values({
      workspaceId: ctx.workspaceId,
      conversationId,
      role: input.role,
      authorId: input.role === 'agent' ? ctx.actor.userId : null,
      text: input.text,
      internal,
      createdAt: now,
    })
    .returning();
  // A customer writing back into a finished conversation reopens it rather than starting over.
  const reopen = input.role === 'customer' && (conversation.status === 'resolved' || conversation.status === 'closed');
  await ctx.tx
    .update(conversations)
    .set({
      messageCount: sql`${conversations.messageCount} + 1`,
      lastActivityAt: now,
      ...(input.role === 'agent' && !internal && !conversation.firstHumanReplyAt ? { firstHumanReplyAt: now } : {}),
      ...(reopen ? { status: 'open' as const, resolvedAt: null } : {}),
    })
    .where(eq(conversations.id, conversationId));
  if (internal) await recordEvent(ctx, conversationId, 'note_added', { messageId: message!.id, note: input.text });
  if (reopen) {
    await recordEvent(ctx, conversationId, 'status_changed', { from: conversation.status, to: 'open', reason: 'customer replied' });
  }
  ctx.emit('conversation.message_added', {
    conversationId,
    displayId: conversation.displayId,
    messageId: message!.id,
    role: message!.role,
    internal,
    text: message!.text,
  });
  return message!;
}
