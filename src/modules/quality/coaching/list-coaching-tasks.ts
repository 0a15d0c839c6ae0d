import { and, eq, type SQL } from 'drizzle-orm';
import { coachingTasks, type CoachingTaskStatus } from '../schema.js';
import { paginate } from '../../../platform/http/paginate.js';
import type { WorkContext } from '../../../platform/tenancy/scope.js';

export type CoachingTaskRow = typeof coachingTasks.$inferSelect;

export function presentTask(row: CoachingTaskRow) {
  const { workspaceId: _ws, ...rest } = row;
  return rest;
}

export type ListCoachingTasksInput = {
  status?: CoachingTaskStatus;
  agentId?: string;
  assigneeId?: string;
  limit: number;
  cursor?: string;
};

// Newest first, keyset-paginated on (created_at, id).
export async function listCoachingTasks(ctx: WorkContext, input: ListCoachingTasksInput) {
  const t = coachingTasks;
  const where: SQL[] = [];
  if (input.status) where.push(eq(t.status, input.status));
  if (input.agentId) where.push(eq(t.agentId, input.agentId));
  if (input.assigneeId) where.push(eq(t.assigneeId, input.assigneeId));
  const page = await paginate(
    (after, order, take) =>
      ctx.tx
        .select()
        .from(t)
        .where(and(...where, after))
        .orderBy(...order)
        .limit(take),
    {
      keys: { at: t.createdAt, id: t.id },
      cursor: input.cursor,
      limit: input.limit,
      atOf: (row) => row.createdAt,
    },
  );
  return { ...page, data: page.data.map(presentTask) };
}
