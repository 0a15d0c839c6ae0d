import { and, eq, ne } from 'drizzle-orm';
import { coachingTasks, type CoachingTaskStatus } from '../schema.js';
import { AppError } from '../../../platform/errors.js';
import type { WorkContext } from '../../../platform/tenancy/scope.js';
import { presentTask } from './list-coaching-tasks.js';

export async function updateCoachingTask(ctx: WorkContext, id: string, status: CoachingTaskStatus) {
  const [current] = await ctx.tx.select().from(coachingTasks).where(eq(coachingTasks.id, id)).for('update');
  if (!current) throw new AppError('COACHING_TASK_NOT_FOUND');
  if (current.status === status) return presentTask(current);
  if (status === 'open') {
    // Reopening must not give the agent a second open task.
    const [other] = await ctx.tx
      .select({ id: coachingTasks.id })
      .from(coachingTasks)
      .where(
        and(
          eq(coachingTasks.agentId, current.agentId),
          eq(coachingTasks.status, 'open'),
          ne(coachingTasks.id, id),
        ),
      );
    if (other)
      throw new AppError('INVALID_STATE', {
        message: `This agent already has an open coaching task (${other.id})`,
      });
  }
  const [row] = await ctx.tx
    .update(coachingTasks)
    .set({ status, completedAt: status === 'open' ? null : new Date() })
    .where(eq(coachingTasks.id, id))
    .returning();
  ctx.emit('quality.coaching_task_updated', {
    taskId: id,
    agentId: row!.agentId,
    from: current.status,
    to: status,
  });
  return presentTask(row!);
}
