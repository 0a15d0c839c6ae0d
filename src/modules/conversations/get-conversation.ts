import { asc, eq } from 'drizzle-orm';
import { conversationEvents, messages } from './schema.js';
import { getCustomerSummary } from '../customers/index.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadConversation, present } from './conversation-row.js';

export async function getConversation(ctx: WorkContext, id: string) {
  const row = await loadConversation(ctx, id);
  const customer = await getCustomerSummary(ctx, row.customerId);
  const messageRows = await ctx.tx
    .select()
    .from(messages)
    .where(eq(messages.conversationId, id))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const events = await ctx.tx
    .select()
    .from(conversationEvents)
    .where(eq(conversationEvents.conversationId, id))
    .orderBy(asc(conversationEvents.createdAt), asc(conversationEvents.id));
  const timeline = events.map((e) => ({
    id: e.id,
    type: e.type,
    at: e.createdAt,
    actorId: e.actorId,
    ...(typeof e.data.note === 'string' ? { note: e.data.note } : {}),
    data: e.data,
  }));
  const lastTransfer = events.filter((e) => e.type === 'transferred').at(-1);
  return {
    ...present(row),
    customer: customer!,
    handover: lastTransfer
      ? {
          note: String(lastTransfer.data.note),
          from: lastTransfer.data.from as Record<string, unknown>,
          to: lastTransfer.data.to as Record<string, unknown>,
          at: lastTransfer.createdAt,
        }
      : null,
    // A channel's data (an email's headers, HTML, attachments) shows on the message itself, never
    // in place of the message's own fields.
    messages: messageRows.map(({ channelData, ...m }) => ({ ...channelData, ...m })),
    timeline,
  };
}
