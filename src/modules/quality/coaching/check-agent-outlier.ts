import { desc, eq } from 'drizzle-orm';
import { coachingTasks } from '../schema.js';
import type { WorkContext } from '../../../platform/tenancy/scope.js';
import { loadAgentTeamCells } from '../scorecards/load-agent-team-cells.js';
import { standings } from '../scorecards/outlier-math.js';
import { pickCoach } from '../../workspaces/index.js';
import type { OutlierSettings } from '../settings/settings-schema.js';
import { worstConversations } from '../scorecards/worst-conversations.js';

const DAY = 24 * 3600 * 1000;

/*
 * Runs after each score of the agent's conversations. A flagged agent gets one open coaching task;
 * while it is open nothing more is created (the partial unique index holds that even when two
 * scores finish at once). Once a task is done or dismissed, only conversations scored after that
 * count towards the next one, so the same evidence never raises the same task twice.
 */
export async function checkAgentOutlier(
  ctx: WorkContext,
  agentId: string,
  settings: OutlierSettings,
  now = new Date(),
) {
  const [latest] = await ctx.tx
    .select({ status: coachingTasks.status, completedAt: coachingTasks.completedAt })
    .from(coachingTasks)
    .where(eq(coachingTasks.agentId, agentId))
    .orderBy(desc(coachingTasks.createdAt))
    .limit(1);
  if (latest?.status === 'open') return null;

  const periodStart = new Date(now.getTime() - settings.periodDays * DAY);
  const from = latest?.completedAt && latest.completedAt > periodStart ? latest.completedAt : periodStart;
  const period = { from, to: now };
  const standing = standings(await loadAgentTeamCells(ctx, period), settings).find(
    (s) => s.agentId === agentId,
  );
  if (!standing?.outlier) return null;

  const worst = (await worstConversations(ctx, { ...period, groupBy: 'agent', agentId })).get(agentId) ?? [];
  const [task] = await ctx.tx
    .insert(coachingTasks)
    .values({
      workspaceId: ctx.workspaceId,
      agentId,
      teamId: standing.teamId,
      assigneeId: await pickCoach(ctx, standing.teamId, agentId),
      reason: standing.reason!,
      periodStart: from,
      periodEnd: now,
      agentAverage: standing.average,
      teamAverage: standing.teamAverage!,
      conversationIds: worst.map((w) => w.conversationId),
      dueAt: new Date(now.getTime() + settings.coachingDueDays * DAY),
    })
    .onConflictDoNothing()
    .returning();
  if (task) {
    ctx.emit('quality.coaching_task_created', {
      taskId: task.id,
      agentId,
      teamId: task.teamId,
      assigneeId: task.assigneeId,
      reason: task.reason,
    });
  }
  return task ?? null;
}
