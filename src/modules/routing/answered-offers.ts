import type { WorkContext } from '../../platform/tenancy/scope.js';
import { lastHumanReplies } from '../conversations/index.js';
import type { ItemRow } from './items.js';

/*
 * An offer is answered once a member replies to the conversation after it was made. Routing
 * follows a message only when it may start or end a wait for a first human (see
 * trackConversations): the busiest write in the help desk does not pay a read of the queue for
 * every reply. So an offer answered later in a conversation's life stays `offered` in the queue
 * table, and is recognised as answered where that matters: when its agent goes away (they keep
 * it) and when the conversation's routing is shown (as assigned).
 */
export async function answeredOffers(
  ctx: WorkContext,
  items: readonly Pick<ItemRow, 'conversationId' | 'state' | 'offeredAt'>[],
): Promise<Set<string>> {
  const offers = items.filter((i) => i.state === 'offered' && i.offeredAt);
  const replies = await lastHumanReplies(
    ctx,
    offers.map((i) => i.conversationId),
  );
  return new Set(
    offers
      .filter((i) => {
        const reply = replies.get(i.conversationId);
        return reply && reply >= i.offeredAt!;
      })
      .map((i) => i.conversationId),
  );
}
