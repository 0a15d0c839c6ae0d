import { sql } from 'drizzle-orm';
import { conversationToResume } from '../promises/index.js';
import {
  addChannelMessage,
  conversationStartedWith,
  customerMessage,
  conversationsOfCustomers,
  customerMessagesAfter,
  loadConversation,
  messageByClientId,
  openConversationFromChannel,
  verifyIdentity,
} from '../conversations/index.js';
import { presentVisitorConversation } from './present-routing.js';
import type { VisitorWork } from './visitor-work.js';

export const widgetChannelData = { source: 'widget' } as const;

/*
 * A new chat from the widget: channel `chat`, in the widget's team's queue when it has one. A
 * signed-in customer's conversation is verified (`widget_hmac`) at once, on the conversation, so
 * the verification travels through every transfer. The client's id for the first message makes a
 * retried request return the conversation it already made (among the visitor's 20 latest); the
 * customer's lock serialises two retries that arrive together.
 */
export async function startConversation(ctx: VisitorWork, input: { text: string; clientId: string }) {
  await ctx.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'widget:' + ctx.visitor.customerId}))`);
  const recent = await conversationsOfCustomers(ctx, [ctx.visitor.customerId], 20);
  const existing = await conversationStartedWith(
    ctx,
    recent.map((c) => c.id),
    input.clientId,
  );
  if (existing) return { created: false, conversationId: existing };
  // A reference to one of the customer's promises continues that promise's conversation rather
  // than starting over (the promises module then shows it and brings it to its owner); someone
  // else's reference starts a conversation of their own, linked to that one.
  const promised = await conversationToResume(ctx, input.text, ctx.visitor.customerId);
  if (promised?.join) {
    const again = await messageByClientId(ctx, promised.join, input.clientId);
    if (again) return { created: false, conversationId: promised.join, messageId: again.id };
    const added = await addChannelMessage(ctx, promised.join, {
      role: 'customer',
      text: input.text,
      channelData: widgetChannelData,
      clientId: input.clientId,
    });
    return { created: true, conversationId: promised.join, messageId: added.messageId };
  }
  const opened = await openConversationFromChannel(ctx, {
    ...(promised?.linkedTo ? { relatedConversationId: promised.linkedTo } : {}),
    customerId: ctx.visitor.customerId,
    channel: 'chat',
    text: input.text,
    channelData: widgetChannelData,
    clientId: input.clientId,
    ...(ctx.widget.teamId ? { teamId: ctx.widget.teamId } : {}),
  });
  if (ctx.visitor.verified) {
    await verifyIdentity(ctx, opened.conversationId, {
      method: 'widget_hmac',
      note: 'The site signed the customer id it gave the chat widget',
    });
  }
  return { created: true, conversationId: opened.conversationId };
}

export async function presentStarted(
  ctx: VisitorWork,
  started: { created: boolean; conversationId: string; messageId?: string },
) {
  const row = await loadConversation(ctx, started.conversationId);
  // The visitor's message: the first of a new conversation, or the one that joined a promise's.
  const [first] = started.messageId
    ? [await customerMessage(ctx, started.messageId)]
    : await customerMessagesAfter(ctx, row.id, 0, 1);
  return {
    created: started.created,
    conversation: { ...(await presentVisitorConversation(ctx, row)), message: first! },
  };
}
