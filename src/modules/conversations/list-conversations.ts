import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { conversations, type Channel, type ConversationStatus } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
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
  const cursor = decodeCursor(input.cursor);
  if (cursor) {
    const at = new Date(cursor.at);
    where.push(
      or(
        lt(conversations.lastActivityAt, at),
        and(eq(conversations.lastActivityAt, at), lt(conversations.id, cursor.id)),
      )!,
    );
  }
  const rows = await ctx.tx
    .select()
    .from(conversations)
    .where(and(...where))
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    data: page.map(present),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.lastActivityAt, last.id) : null,
  };
}
