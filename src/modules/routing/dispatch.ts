import { and, asc, eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { assignIfFree } from '../conversations/index.js';
import { teamRoster } from '../workspaces/index.js';
import { lockAgents, type AgentRow } from './agents.js';
import { moveItem } from './items.js';
import { routingItems } from './schema.js';

// Waiting conversations looked at per decision round; a round that fills it is followed by another.
const batch = 200;

/*
 * Offers a team's waiting conversations, next by (priority, enqueuedAt), each to the eligible agent
 * who was least recently given work: a member of the team, online, with room for its kind. Nothing
 * goes to an away, offline or full agent. The team's agents are locked first (in id order), so two
 * processes routing the same team take turns and the counters they read are current; waiting
 * conversations another transaction holds are skipped (SKIP LOCKED), and so is one whose
 * conversation is being changed: the next round or the sweep takes them. Answers how many it offered.
 */
export async function dispatchTeam(ctx: WorkContext, teamId: string): Promise<number> {
  const roster = await teamRoster(ctx, teamId);
  if (!roster?.autoAssign || !roster.members.length) return 0;
  const capacity = new Map(roster.members.map((m) => [m.userId, m.capacity]));
  const agents = (await lockAgents(ctx, [...capacity.keys()])).filter((a) => a.status === 'online');
  if (!agents.length) return 0;
  let offered = 0;
  let clock = 0;
  for (;;) {
    const waiting = await ctx.tx
      .select()
      .from(routingItems)
      .where(and(eq(routingItems.teamId, teamId), eq(routingItems.state, 'queued')))
      .orderBy(asc(routingItems.priority), asc(routingItems.sortAt), asc(routingItems.conversationId))
      .limit(batch)
      .for('update', { skipLocked: true });
    let round = 0;
    for (const item of waiting) {
      const agent = leastRecent(agents.filter((a) => a[item.kind] < capacity.get(a.userId)![item.kind]));
      if (!agent) continue; // nobody has room for this kind; another kind may still go
      if (!(await assignIfFree(ctx, item.conversationId, agent.userId))) continue;
      // Strictly increasing, so fairness holds even for offers made within one millisecond.
      const at = new Date((clock = Math.max(Date.now(), clock + 1)));
      await moveItem(ctx, item, { state: 'offered', agentId: agent.userId, offeredAt: at }, { at });
      agent[item.kind]++;
      agent.lastAssignedAt = at;
      round++;
    }
    offered += round;
    if (waiting.length < batch || !round) return offered;
  }
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
