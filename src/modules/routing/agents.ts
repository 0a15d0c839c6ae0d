import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { arrayParam } from '../../db/array-param.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import type { Capacity } from '../workspaces/index.js';
import { routingAgents, type CapacityKind } from './schema.js';

export type AgentRow = typeof routingAgents.$inferSelect;

/** Makes sure each agent has a row (offline, nothing held) before it is locked or counted. */
export async function ensureAgents(ctx: WorkContext, userIds: readonly string[]) {
  if (!userIds.length) return;
  await ctx.tx
    .insert(routingAgents)
    .values(userIds.map((userId) => ({ workspaceId: ctx.workspaceId, userId })))
    .onConflictDoNothing();
}

/*
 * Agents' rows locked in one order (by id), so two transactions locking overlapping sets wait for
 * each other instead of deadlocking. Rows are made first unless the caller read them already.
 */
export async function lockAgents(
  ctx: WorkContext,
  userIds: readonly string[],
  options: { existing?: boolean } = {},
): Promise<AgentRow[]> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return [];
  if (!options.existing) await ensureAgents(ctx, ids);
  return ctx.tx
    .select()
    .from(routingAgents)
    .where(inArray(routingAgents.userId, ids))
    .orderBy(asc(routingAgents.userId))
    .for('update');
}

/** The online agents among these, read without locks: who might take work. */
export function onlineAgents(ctx: WorkContext, userIds: readonly string[]): Promise<AgentRow[]> {
  if (!userIds.length) return Promise.resolve([]);
  return ctx.tx
    .select()
    .from(routingAgents)
    .where(
      and(
        eq(routingAgents.workspaceId, ctx.workspaceId),
        eq(routingAgents.status, 'online'),
        sql`${routingAgents.userId} = ANY(${arrayParam(userIds, 'uuid')})`,
      ),
    );
}

/** One more (or one fewer) conversation of a kind held by an agent; never below zero. */
export async function addLoad(
  ctx: WorkContext,
  userId: string,
  kind: CapacityKind,
  delta: 1 | -1,
  at?: Date,
) {
  const column = routingAgents[kind];
  await ctx.tx
    .update(routingAgents)
    .set({
      [kind]: sql`greatest(${column} + ${delta}, 0)`,
      ...(delta > 0 && at ? { lastAssignedAt: at } : {}),
    })
    .where(and(eq(routingAgents.userId, userId)));
}

/** How many more conversations of a kind an agent may be given: none of phone while on a call. */
export function roomFor(agent: AgentRow, capacity: Capacity, kind: CapacityKind): number {
  if (kind === 'phone' && agent.calls > 0) return 0;
  return Math.max(0, capacity[kind] - agent[kind]);
}
