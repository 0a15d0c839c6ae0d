import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { customerNames } from '../customers/index.js';
import {
  conversations,
  conversationStatuses,
  type Channel,
  type ConversationStatus,
  type Priority,
} from './schema.js';
import { paginate } from '../../platform/http/paginate.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { present } from './conversation-row.js';
import { activityHourBound, activityOrder } from './activity-order.js';

export type ListConversationsInput = {
  status?: ConversationStatus;
  channel?: Channel;
  priority?: Priority;
  assigneeId?: string;
  unassigned?: boolean;
  teamId?: string;
  customerId?: string;
  ids?: string[];
  limit: number;
  cursor?: string;
};

// The inbox: most recent activity first, keyset-paginated on (last_activity_at, id) so each
// page is an index range read in order however many conversations the workspace has: the
// status, assignee or team index when the filter names one (read an hour of activity at a time,
// see activity-order.ts), the customer's or the ids' rows otherwise. With none of those, the page
// is merged from one such read per status, so that no index of its own has to follow every
// message (see the indexes in schema.ts).
export async function listConversations(ctx: WorkContext, input: ListConversationsInput) {
  const where: SQL[] = [];
  if (input.status) where.push(eq(conversations.status, input.status));
  if (input.channel) where.push(eq(conversations.channel, input.channel));
  if (input.priority) where.push(eq(conversations.priority, input.priority));
  if (input.assigneeId) where.push(eq(conversations.assigneeId, input.assigneeId));
  if (input.unassigned) where.push(isNull(conversations.assigneeId));
  if (input.teamId) where.push(eq(conversations.teamId, input.teamId));
  if (input.customerId) where.push(eq(conversations.customerId, input.customerId));
  if (input.ids) where.push(inArray(conversations.id, input.ids));
  const indexed =
    input.status || input.assigneeId || input.unassigned || input.teamId || input.customerId || input.ids;
  const select = (filters: (SQL | undefined)[], order: SQL[], take: number) =>
    ctx.tx
      .select()
      .from(conversations)
      .where(and(...filters))
      .orderBy(...order)
      .limit(take);
  const page = await paginate(
    (after, byTime, take, afterAt) => {
      const order = activityOrder(byTime);
      const from = [after, activityHourBound(afterAt)];
      if (indexed) return select([...where, ...from], order, take);
      const [first, second, ...rest] = conversationStatuses.map((status) =>
        select([eq(conversations.status, status), ...where, ...from], order, take),
      );
      return unionAll(first!, second!, ...rest)
        .orderBy(...order)
        .limit(take);
    },
    {
      keys: { at: conversations.lastActivityAt, id: conversations.id },
      cursor: input.cursor,
      limit: input.limit,
      atOf: (row) => row.lastActivityAt,
    },
  );
  // Each row names its customer: one lookup for the whole page, never one per row.
  const names = await customerNames(
    ctx,
    page.data.map((row) => row.customerId),
  );
  return {
    ...page,
    data: page.data.map((row) => ({ ...present(row), customerName: names.get(row.customerId) ?? '' })),
  };
}
