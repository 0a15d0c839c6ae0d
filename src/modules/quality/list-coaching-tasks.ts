import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { coachingTasks, type CoachingTaskStatus } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';

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
  const cursor = decodeCursor(input.cursor);
  if (cursor) {
    const at = new Date(cursor.at);
    where.push(or(lt(t.createdAt, at), and(eq(t.createdAt, at), lt(t.id, cursor.id)))!);
  }
  const rows = await ctx.tx
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    data: page.map(presentTask),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
