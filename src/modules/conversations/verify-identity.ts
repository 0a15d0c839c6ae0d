import { eq } from 'drizzle-orm';
import { conversations } from './schema.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadConversation, present, recordEvent } from './conversation-row.js';

// Verified once per conversation. Verifying again (say, after a channel switch) updates the
// method and time but keeps a timeline entry for each check.
export async function verifyIdentity(ctx: WorkContext, id: string, input: { method: string; note?: string }) {
  await loadConversation(ctx, id, { forUpdate: true });
  const verifiedAt = new Date();
  const [row] = await ctx.tx
    .update(conversations)
    .set({ verifiedAt, verificationMethod: input.method, verifiedBy: ctx.actor.userId })
    .where(eq(conversations.id, id))
    .returning();
  await recordEvent(ctx, id, 'verified', {
    method: input.method,
    ...(input.note ? { note: input.note } : {}),
  });
  ctx.emit('conversation.verified', { conversationId: id, displayId: row!.displayId, method: input.method });
  return present(row!);
}
