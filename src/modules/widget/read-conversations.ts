import { conversationsOfCustomers, customerMessagesAfter } from '../conversations/index.js';
import { hoursOf, shouldOfferCallback, visitorRouting } from './present-routing.js';
import { visitorsConversation, type VisitorWork } from './visitor-work.js';

export const pageSize = 100;

/** The visitor's conversations, newest first: the history a signed-in customer sees in any browser. */
export async function listVisitorConversations(ctx: VisitorWork) {
  const rows = await conversationsOfCustomers(ctx, [ctx.visitor.customerId]);
  const routing = await visitorRouting(ctx, rows);
  const hours = await hoursOf(ctx, ctx.widget);
  return {
    items: rows.map((r) => ({
      id: r.id,
      status: r.status,
      channel: r.channel,
      subject: r.subject,
      verified: Boolean(r.verifiedAt),
      routing: routing.get(r.id)!,
      offerCallback: shouldOfferCallback(ctx.widget, routing.get(r.id)!),
      backAt: hours.backAt,
      lastSeq: r.messageCount,
      createdAt: r.createdAt,
      lastActivityAt: r.lastActivityAt,
    })),
  };
}

/*
 * Messages after the last one the widget saw (`after` = its seq), never internal notes. A full
 * page says so: the widget asks again from the last seq it got.
 */
export async function readMessages(ctx: VisitorWork, conversationId: string, after: number) {
  await visitorsConversation(ctx, conversationId);
  const items = await customerMessagesAfter(ctx, conversationId, after, pageSize + 1);
  const page = items.slice(0, pageSize);
  return { items: page, lastSeq: page.at(-1)?.seq ?? after, hasMore: items.length > pageSize };
}
