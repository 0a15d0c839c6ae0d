import { and, asc, eq, inArray, isNull, lte, or, sql, type AnyColumn } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { assignIfFree } from '../conversations/index.js';
import { teamRoster, type Capacity } from '../workspaces/index.js';
import { lockAgents, onlineAgents, roomFor, type AgentRow } from './agents.js';
import { moveItem, type ItemRow } from './items.js';
import { capacityKinds, routingItems, type CapacityKind } from './schema.js';
import { bestLevels, meets, skillMapOf, type SkillMap } from './skills.js';

// Waiting conversations looked at per decision round; a round that fills it is followed by another,
// after the last one read, up to this many in one call (the sweep comes back for the rest).
const batch = 200;
const maxScanned = 2_000;

/*
 * Offers a team's waiting conversations, next by (priority, enqueuedAt), each to the eligible agent
 * who was least recently given work: a member of the team, online, with room for its kind and the
 * skills it requires (and, until it has waited the team's preferredSkillsWaitSeconds, those it
 * prefers; agents who have them are chosen first even after). Nothing goes to an away, offline or
 * full agent. A conversation nobody can take yet keeps its place; the ones after it may go.
 *
 * A queue of ten thousand and five hundred agents of whom one has room is the common case, so a
 * round touches only what it can use: the agents are read without locks and only those with room
 * are locked (in id order, so two processes routing the same team take turns, and re-read once
 * locked, so the counters decided by are current); then no more waiting conversations are taken
 * than there are places, of the kinds that have room. Waiting conversations another transaction
 * holds are skipped (SKIP LOCKED), and so is one whose conversation is being changed: the next
 * round or the sweep takes them. Answers how many it offered.
 */
export async function dispatchTeam(ctx: WorkContext, teamId: string, now = new Date()): Promise<number> {
  const roster = await teamRoster(ctx, teamId);
  if (!roster?.autoAssign || !roster.members.length) return 0;
  const capacity = new Map(roster.members.map((m) => [m.userId, m.capacity]));
  const skills = new Map(roster.members.map((m) => [m.userId, skillMapOf(m.skills)]));
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
  // Preferred skills are waited for by what entered the queue after this moment.
  const preferredSince = new Date(now.getTime() - roster.preferredSkillsWaitSeconds * 1000);
  let offered = 0;
  let clock = 0;
  let after: ItemRow | undefined;
  for (let scanned = 0; scanned < maxScanned;) {
    const open = agents.filter((a) => roomOf(a, capacity.get(a.userId)!).size > 0);
    const places = new Map<CapacityKind, number>();
    for (const a of open)
      for (const [kind, free] of roomOf(a, capacity.get(a.userId)!))
        places.set(kind, (places.get(kind) ?? 0) + free);
    const wanted = Math.min(
      batch,
      [...places.values()].reduce((n, free) => n + free, 0),
    );
    if (!wanted) return offered;
    const best = bestLevels(open.map((a) => skills.get(a.userId)!));
    const waiting = await ctx.tx
      .select()
      .from(routingItems)
      .where(
        and(
          eq(routingItems.teamId, teamId),
          eq(routingItems.state, 'queued'),
          inArray(routingItems.kind, [...places.keys()]),
          servable(best, preferredSince),
          after &&
            sql`(${routingItems.priority}, ${routingItems.sortAt}, ${routingItems.conversationId}) > (${after.priority}, ${after.sortAt}, ${after.conversationId})`,
        ),
      )
      .orderBy(asc(routingItems.priority), asc(routingItems.sortAt), asc(routingItems.conversationId))
      .limit(wanted)
      .for('update', { skipLocked: true });
    scanned += waiting.length;
    for (const item of waiting) {
      const wantsPreferred = Boolean(item.preferredSkills) && (item.enqueuedAt ?? now) > preferredSince;
      const agent = choose(
        agents.filter((a) => {
          const has = skills.get(a.userId)!;
          return (
            roomFor(a, capacity.get(a.userId)!, item.kind) > 0 &&
            meets(has, item.requiredSkills) &&
            (!wantsPreferred || meets(has, item.preferredSkills))
          );
        }),
        (a) => meets(skills.get(a.userId)!, item.preferredSkills),
      );
      if (!agent) continue; // nobody with room has what it needs; what follows may still go
      if (!(await assignIfFree(ctx, item.conversationId, agent.userId))) continue;
      // Strictly increasing, so fairness holds even for offers made within one millisecond.
      const at = new Date((clock = Math.max(Date.now(), clock + 1)));
      await moveItem(ctx, item, { state: 'offered', agentId: agent.userId, offeredAt: at }, { at });
      agent[item.kind]++;
      agent.lastAssignedAt = at;
      offered++;
    }
    if (waiting.length < wanted) return offered;
    after = waiting.at(-1);
  }
  return offered;
}

/*
 * What some agent with room might take, decided in the query so the queue's head is not read
 * again and again for conversations nobody can serve: each required skill is within the best
 * level on offer, and so is each preferred one unless the conversation has waited long enough to
 * drop them. (One agent must still have them all: checked per conversation.)
 */
function servable(best: SkillMap, preferredSince: Date) {
  const levels = JSON.stringify(best);
  const within = (column: AnyColumn) =>
    sql`NOT EXISTS (SELECT 1 FROM jsonb_each(${column}) need
      WHERE coalesce((${levels}::jsonb ->> need.key)::int, 0) < need.value::int)`;
  return and(
    or(isNull(routingItems.requiredSkills), within(routingItems.requiredSkills)),
    or(
      isNull(routingItems.preferredSkills),
      lte(routingItems.enqueuedAt, preferredSince),
      within(routingItems.preferredSkills),
    ),
  );
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

// Agents with its preferred skills first (once it no longer waits for them, they are still the
// better choice), then the least recently given work.
const choose = (agents: AgentRow[], preferred: (a: AgentRow) => boolean) =>
  agents
    .map((a) => ({ a, rank: preferred(a) ? 0 : 1 }))
    .sort(
      (x, y) =>
        x.rank - y.rank ||
        (x.a.lastAssignedAt?.getTime() ?? 0) - (y.a.lastAssignedAt?.getTime() ?? 0) ||
        x.a.userId.localeCompare(y.a.userId),
    )[0]?.a;

/** Routes each of several teams in turn. */
export async function dispatchTeams(ctx: WorkContext, teamIds: Iterable<string>, now = new Date()) {
  let offered = 0;
  for (const teamId of new Set(teamIds)) offered += await dispatchTeam(ctx, teamId, now);
  return offered;
}
