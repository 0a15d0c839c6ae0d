import { and, eq, type SQL } from 'drizzle-orm';
import { conversations, type Channel, type ConversationStatus } from './schema.js';
import { paginate } from '../../platform/http/paginate.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { present } from './conversation-row.js';

export type ListConversationsInput = {
  status?: ConversationStatus;
  channel?: Channel;
  assigneeId?: string;
  teamId?: string;
  customerId?: string;
  limit: number;
  cursor?: string;
};

// The inbox: most recent activity first, keyset-paginated on (last_activity_at, id) so each
// page is an index range scan however many conversations the workspace has.
export async function listConversations(ctx: WorkContext, input: ListConversationsInput) {
  const where: SQL[] = [];
  if (input.status) where.push(eq(conversations.status, input.status));
  if (input.channel) where.push(eq(conversations.channel, input.channel));
  if (input.assigneeId) where.push(eq(conversations.assigneeId, input.assigneeId));
  if (input.teamId) where.push(eq(conversations.teamId, input.teamId));
  if (input.customerId) where.push(eq(conversations.customerId, input.customerId));
  const page = await paginate(
    (after, order, take) =>
      ctx.tx
        .select()
        .from(conversations)
        .where(and(...where, after))
        .orderBy(...order)
        .limit(take),
    {
      keys: { at: conversations.lastActivityAt, id: conversations.id },
      cursor: input.cursor,
      limit: input.limit,
      atOf: (row) => row.lastActivityAt,
    },
  );
  return { ...page, data: page.data.map(present) };
}
