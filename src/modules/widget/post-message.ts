import { addChannelMessage, customerMessage, messageByClientId } from '../conversations/index.js';
import { widgetChannelData } from './start-conversation.js';
import { visitorsConversation, type VisitorWork } from './visitor-work.js';

/*
 * The visitor's message, at most once per client id: the conversation's row lock orders writers,
 * so a resend (after a dropped connection, a sleeping laptop) finds the first one and returns it.
 */
export async function postMessage(
  ctx: VisitorWork,
  conversationId: string,
  input: { text: string; clientId: string },
) {
  await visitorsConversation(ctx, conversationId, { forUpdate: true });
  const earlier = await messageByClientId(ctx, conversationId, input.clientId);
  if (earlier) return { created: false, message: earlier };
  const added = await addChannelMessage(ctx, conversationId, {
    role: 'customer',
    text: input.text,
    channelData: widgetChannelData,
    clientId: input.clientId,
  });
  return { created: true, message: (await customerMessage(ctx, added.messageId))! };
}
