import { eq, sql } from 'drizzle-orm';
import { defineReaction } from '../../platform/events/define-reaction.js';
import { customers } from './schema.js';

// A new conversation adds one to its customer's count in the same transaction, so the profile's
// figure is never behind and customers never count rows in the conversations module's tables.
export const countConversations = defineReaction({
  name: 'customers.count-conversations',
  on: ['conversation.created'],
  async handle(event, ctx) {
    await ctx.tx
      .update(customers)
      .set({ conversationCount: sql`${customers.conversationCount} + 1` })
      .where(eq(customers.id, event.data.customerId));
  },
});
