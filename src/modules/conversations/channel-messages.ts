import { and, eq, sql } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { addMessage } from './add-message.js';
import { createConversation } from './create-conversation.js';
import { conversations, messages, type Channel } from './schema.js';

// What a channel module (email, later others) calls to bring a customer's message in: the channel
// never writes conversation tables itself. `channelData` is shown on the message as it is given.

export async function openConversationFromChannel(
  ctx: WorkContext,
  input: {
    customerId: string;
    channel: Channel;
    subject?: string;
    text: string;
    channelData: Record<string, unknown>;
    relatedConversationId?: string;
    teamId?: string;
    /** The sender's idempotency key for the first message. */
    clientId?: string;
  },
) {
  const created = await createConversation(ctx, {
    customerId: input.customerId,
    channel: input.channel,
    ...(input.subject ? { subject: input.subject } : {}),
    ...(input.teamId ? { teamId: input.teamId } : {}),
    message: {
      text: input.text,
      role: 'customer',
      channelData: input.channelData,
      ...(input.clientId ? { clientId: input.clientId } : {}),
    },
    ...(input.relatedConversationId ? { relatedConversationId: input.relatedConversationId } : {}),
  });
  return { conversationId: created.id, displayId: created.displayId, messageId: created.firstMessageId };
}

export async function addChannelMessage(
  ctx: WorkContext,
  conversationId: string,
  input: {
    role: 'customer' | 'system';
    text: string;
    channelData: Record<string, unknown>;
    clientId?: string;
  },
) {
  const added = await addMessage(ctx, conversationId, input);
  return { messageId: added.id, seq: added.seq };
}

/** The conversation a reference such as `[#42]` names, with whose it is; null when there is none. */
export async function findConversationByDisplayId(ctx: WorkContext, displayId: number) {
  const [row] = await ctx.tx
    .select({ id: conversations.id, customerId: conversations.customerId })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, ctx.workspaceId), eq(conversations.displayId, displayId)));
  return row ?? null;
}

/**
 * Merges a channel's data into a message's (top-level keys replaced): how a channel shows what
 * became of a message after it was written, such as an email's delivery state.
 */
export async function mergeMessageChannelData(
  ctx: WorkContext,
  messageId: string,
  patch: Record<string, unknown>,
) {
  await ctx.tx
    .update(messages)
    .set({
      channelData: sql`coalesce(${messages.channelData}, '{}'::jsonb) || ${JSON.stringify(patch)}::jsonb`,
    })
    .where(eq(messages.id, messageId));
}
