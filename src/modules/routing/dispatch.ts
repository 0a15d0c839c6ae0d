import { and, asc, eq, inArray } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { assignIfFree } from '../conversations/index.js';
import { teamRoster, type Capacity } from '../workspaces/index.js';
import { lockAgents, onlineAgents, roomFor, type AgentRow } from './agents.js';
import { moveItem } from './items.js';
import { capacityKinds, routingItems, type CapacityKind } from './schema.js';

// Waiting conversations looked at per decision round; a round that fills it is followed by another.
const batch = 200;

/*
 * Offers a team's waiting conversations, next by (priority, enqueuedAt), each to the eligible agent
 * who was least recently given work: a member of the team, online, with room for its kind. Nothing
 * goes to an away, offline or full agent.
 *
 * A queue of ten thousand and five hundred agents of whom one has room is the common case, so a
 * round touches only what it can use: the agents are read without locks and only those with room
 * are locked (in id order, so two processes routing the same team take turns, and re-read once
 * locked, so the counters decided by are current); then no more waiting conversations are taken
 * than there are places, of the kinds that have room. Waiting conversations another transaction
 * holds are skipped (SKIP LOCKED), and so is one whose conversation is being changed: the next
 * round or the sweep takes them. Answers how many it offered.
 */
export async function dispatchTeam(ctx: WorkContext, teamId: string): Promise<number> {
  const roster = await teamRoster(ctx, teamId);
  if (!roster?.autoAssign || !roster.members.length) return 0;
  const capacity = new Map(roster.members.map((m) => [m.userId, m.capacity]));
  const hasRoom = (a: AgentRow) => a.status === 'online' && roomOf(a, capacity.get(a.userId)!).size > 0;
  const candidates = (await onlineAgents(ctx, [...capacity.keys()])).filter(hasRoom);
  if (!candidates.length) return 0;
  const agents = (
    await lockAgents(
      ctx,
      candidates.map((a) => a.userId),
      { existing: true },
    )
  ).filter(hasRoom);
  let offered = 0;
  let clock = 0;
  for (;;) {
    const places = new Map<CapacityKind, number>();
    for (const a of agents)
      for (const [kind, free] of roomOf(a, capacity.get(a.userId)!))
        places.set(kind, (places.get(kind) ?? 0) + free);
    const wanted = Math.min(
      batch,
      [...places.values()].reduce((n, free) => n + free, 0),
    );
    if (!wanted) return offered;
    const waiting = await ctx.tx
      .select()
      .from(routingItems)
      .where(
        and(
          eq(routingItems.teamId, teamId),
          eq(routingItems.state, 'queued'),
          inArray(routingItems.kind, [...places.keys()]),
        ),
      )
      .orderBy(asc(routingItems.priority), asc(routingItems.sortAt), asc(routingItems.conversationId))
      .limit(wanted)
      .for('update', { skipLocked: true });
    let round = 0;
    for (const item of waiting) {
      const agent = leastRecent(agents.filter((a) => roomFor(a, capacity.get(a.userId)!, item.kind) > 0));
      if (!agent) continue; // nobody has room for this kind any more; another kind may still go
      if (!(await assignIfFree(ctx, item.conversationId, agent.userId))) continue;
      // Strictly increasing, so fairness holds even for offers made within one millisecond.
      const at = new Date((clock = Math.max(Date.now(), clock + 1)));
      await moveItem(ctx, item, { state: 'offered', agentId: agent.userId, offeredAt: at }, { at });
      agent[item.kind]++;
      agent.lastAssignedAt = at;
      round++;
    }
    offered += round;
    if (waiting.length < wanted || !round) return offered;
  }
}

/** The places an agent has free, by kind. */
function roomOf(agent: AgentRow, capacity: Capacity): Map<CapacityKind, number> {
  const room = new Map<CapacityKind, number>();
  for (const kind of capacityKinds) {
    const free = roomFor(agent, capacity, kind);
    if (free > 0) room.set(kind, free);
  }
  return room;
}

const leastRecent = (agents: AgentRow[]) =>
  agents.sort(
    (a, b) =>
      (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
      a.userId.localeCompare(b.userId),
  )[0];

/** Routes each of several teams in turn. */
export async function dispatchTeams(ctx: WorkContext, teamIds: Iterable<string>) {
  let offered = 0;
  for (const teamId of new Set(teamIds)) offered += await dispatchTeam(ctx, teamId);
  return offered;
}
