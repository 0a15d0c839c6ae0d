import { eq } from 'drizzle-orm';
import { defineReaction } from '../../platform/events/define-reaction.js';
import { conversationEvents, conversations } from './schema.js';

// A merged customer's conversations move to the profile that stays, in the merge's transaction,
// and each one's timeline says so: nobody sees a conversation still filed under the duplicate.
export const followCustomerMerge = defineReaction({
  name: 'conversations.follow-customer-merge',
  on: ['customer.merged'],
  async handle({ data }, ctx) {
    const moved = await ctx.tx
      .update(conversations)
      .set({ customerId: data.targetId })
      .where(eq(conversations.customerId, data.sourceId))
      .returning({ id: conversations.id });
    if (!moved.length) return;
    await ctx.tx.insert(conversationEvents).values(
      moved.map((c) => ({
        workspaceId: ctx.workspaceId,
        conversationId: c.id,
        type: 'customer_merged' as const,
        actorId: ctx.actor.userId,
        data: { fromCustomerId: data.sourceId, toCustomerId: data.targetId },
      })),
    );
  },
});
