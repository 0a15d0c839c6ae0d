import { eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { capacitiesOf, recordAudit } from '../workspaces/index.js';
import { addLoad, lockAgents } from './agents.js';
import { routingItems, type ItemState } from './schema.js';

export type ItemRow = typeof routingItems.$inferSelect;
type Change = Partial<Omit<ItemRow, 'conversationId' | 'workspaceId'>>;

const holds = (state: ItemState, agentId: string | null) =>
  Boolean(agentId) && (state === 'offered' || state === 'assigned');

export async function loadItem(ctx: WorkContext, conversationId: string): Promise<ItemRow | null> {
  const [row] = await ctx.tx
    .select()
    .from(routingItems)
    .where(eq(routingItems.conversationId, conversationId))
    .for('update');
  return row ?? null;
}

/*
 * Every change of a routing item goes through here, so the agents' counters follow the holder:
 * the agent who stops holding it has one fewer of its kind, the one who starts has one more (and
 * is the most recently assigned). `manual`: a person chose the agent, which may exceed their
 * capacity; that is allowed, audited and announced. `agentsLocked`: the caller holds the agents'
 * rows locked already (dispatch locks those it offers to), so they are not locked again.
 */
export async function moveItem(
  ctx: WorkContext,
  item: ItemRow,
  change: Change,
  options: { manual?: boolean; at?: Date; agentsLocked?: boolean } = {},
): Promise<ItemRow> {
  const next = { ...item, ...change };
  const before = holds(item.state, item.agentId) ? item.agentId : null;
  const after = holds(next.state, next.agentId) ? next.agentId : null;
  const writes: Promise<unknown>[] = [];
  if (before !== after) {
    const held = [before, after].filter((id): id is string => Boolean(id));
    const agents = options.agentsLocked ? [] : await lockAgents(ctx, held);
    if (before) writes.push(addLoad(ctx, before, item.kind, -1));
    if (after) {
      const at = options.at ?? new Date();
      writes.push(addLoad(ctx, after, item.kind, 1, at));
      next.lastAgentId = after;
      if (options.manual)
        writes.push(noteOverCapacity(ctx, next, agents.find((a) => a.userId === after)?.[item.kind] ?? 0));
    }
  }
  // Independent of each other once the agents are locked: sent together, one round trip.
  const [[row]] = await Promise.all([
    ctx.tx
      .update(routingItems)
      .set({ ...change, lastAgentId: next.lastAgentId })
      .where(eq(routingItems.conversationId, item.conversationId))
      .returning(),
    ...writes,
  ]);
  ctx.emit('routing.changed', {
    conversationId: item.conversationId,
    teamId: next.teamId,
    state: next.state,
    agentId: next.agentId,
    freedAgentId: before !== after ? before : null,
  });
  return row!;
}

async function noteOverCapacity(ctx: WorkContext, item: ItemRow, heldBefore: number) {
  const userId = item.agentId!;
  const capacity = (await capacitiesOf(ctx, [userId])).get(userId)?.[item.kind] ?? 0;
  const load = heldBefore + 1;
  if (load <= capacity) return;
  await recordAudit(ctx, [
    {
      action: 'routing.assigned_over_capacity',
      subjectType: 'conversation',
      subjectId: item.conversationId,
      data: { userId, kind: item.kind, load, capacity },
    },
  ]);
  ctx.emit('routing.over_capacity', {
    conversationId: item.conversationId,
    userId,
    kind: item.kind,
    load,
    capacity,
  });
}
