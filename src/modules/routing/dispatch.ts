import { and, asc, eq, isNull, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { arrayParam } from '../../db/array-param.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { assignIfFree } from '../conversations/index.js';
import { teamRoster } from '../workspaces/index.js';
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
 * round touches only what it can use. Agents are read without locks, and only those with room for
 * a kind somebody waits in are locked (in id order, so two processes routing the same team take
 * turns, and re-read once locked, so the counters decided by are current). An agent with room for
 * ten emails when no email waits is not a place: counting it would read (and lock) the head of the
 * chat queue for places no chat can take. Then each kind's queue gives no more waiting
 * conversations than there are places of that kind. Waiting conversations another transaction
 * holds are skipped (SKIP LOCKED), and so is one whose conversation is being changed: the next
 * round or the sweep takes them. Answers how many it offered.
 */
export async function dispatchTeam(ctx: WorkContext, teamId: string, now = new Date()): Promise<number> {
  const roster = await teamRoster(ctx, teamId);
  if (!roster?.autoAssign || !roster.members.length) return 0;
  const capacity = new Map(roster.members.map((m) => [m.userId, m.capacity]));
  const skills = new Map(roster.members.map((m) => [m.userId, skillMapOf(m.skills)]));
  const [online, waitingKinds] = await Promise.all([
    onlineAgents(ctx, [...capacity.keys()]),
    kindsWaiting(ctx, teamId),
  ]);
  const placesOf = (a: AgentRow) => {
    const places = new Map<CapacityKind, number>();
    if (a.status !== 'online') return places;
    for (const kind of waitingKinds) {
      const free = roomFor(a, capacity.get(a.userId)!, kind);
      if (free > 0) places.set(kind, free);
    }
    return places;
  };
  const candidates = online.filter((a) => placesOf(a).size > 0);
  if (!candidates.length) return 0;
  const agents = (
    await lockAgents(
      ctx,
      candidates.map((a) => a.userId),
      { existing: true },
    )
  ).filter((a) => placesOf(a).size > 0);
  // Preferred skills are waited for by what entered the queue after this moment.
  const preferredSince = new Date(now.getTime() - roster.preferredSkillsWaitSeconds * 1000);
  let offered = 0;
  let clock = 0;
  // Where each kind's queue was read up to; a kind that gave fewer than asked has no more.
  const after = new Map<CapacityKind, ItemRow | null>(waitingKinds.map((kind) => [kind, null]));
  for (let scanned = 0; scanned < maxScanned;) {
    const open = agents.filter((a) => placesOf(a).size > 0);
    const wanted = new Map<CapacityKind, number>();
    for (const a of open)
      for (const [kind, free] of placesOf(a))
        if (after.has(kind)) wanted.set(kind, Math.min(batch, (wanted.get(kind) ?? 0) + free));
    if (!wanted.size) return offered;
    const waiting = await headsOf(
      ctx,
      teamId,
      wanted,
      after,
      servable(bestLevels(open.map((a) => skills.get(a.userId)!)), preferredSince),
    );
    scanned += waiting.length;
    for (const [kind, limit] of wanted) {
      const read = waiting.filter((item) => item.kind === kind);
      if (read.length < limit) after.delete(kind);
      else after.set(kind, read.at(-1)!);
    }
    for (const item of waiting) {
      const wantsPreferred = Boolean(item.preferredSkills) && (item.enqueuedAt ?? now) > preferredSince;
      const agent = choose(
        agents,
        (a) => {
          const has = skills.get(a.userId)!;
          return (
            roomFor(a, capacity.get(a.userId)!, item.kind) > 0 &&
            meets(has, item.requiredSkills) &&
            (!wantsPreferred || meets(has, item.preferredSkills))
          );
        },
        (a) => meets(skills.get(a.userId)!, item.preferredSkills),
      );
      if (!agent) continue; // nobody with room has what it needs; what follows may still go
      if (!(await assignIfFree(ctx, item.conversationId, agent.userId))) continue;
      // Strictly increasing, so fairness holds even for offers made within one millisecond.
      const at = new Date((clock = Math.max(Date.now(), clock + 1)));
      await moveItem(
        ctx,
        item,
        { state: 'offered', agentId: agent.userId, offeredAt: at },
        { at, agentsLocked: true },
      );
      agent[item.kind]++;
      agent.lastAssignedAt = at;
      offered++;
    }
  }
  return offered;
}

const queueOrder = sql`${routingItems.priority}, ${routingItems.sortAt}, ${routingItems.conversationId}`;

/**
 * The kinds of conversation waiting in a team's queue: one probe of the queue index per kind (the
 * LIMIT makes it a probe whatever the planner guesses of the queue's size).
 */
async function kindsWaiting(ctx: WorkContext, teamId: string): Promise<CapacityKind[]> {
  const result = await ctx.tx.execute(sql`
    SELECT k.kind FROM unnest(${arrayParam(capacityKinds, 'text')}) AS k(kind)
    CROSS JOIN LATERAL (
      SELECT 1 FROM ${routingItems}
      WHERE ${routingItems.workspaceId} = ${ctx.workspaceId} AND ${routingItems.teamId} = ${teamId}
        AND ${routingItems.kind} = k.kind AND ${routingItems.state} = 'queued'
      LIMIT 1
    ) AS waiting`);
  return (result as unknown as { rows: { kind: CapacityKind }[] }).rows.map((r) => r.kind);
}

/*
 * The next waiting conversations of each kind, as many as asked of it, after where the kind's queue
 * was read to, locked (skipping those another transaction holds): one range of the queue index per
 * kind, merged into queue order.
 */
async function headsOf(
  ctx: WorkContext,
  teamId: string,
  wanted: ReadonlyMap<CapacityKind, number>,
  after: ReadonlyMap<CapacityKind, ItemRow | null>,
  servable: SQL | undefined,
): Promise<ItemRow[]> {
  const kinds = [...wanted.keys()];
  const heads = kinds.map((kind) => {
    const from = after.get(kind);
    return ctx.tx
      .select()
      .from(routingItems)
      .where(
        and(
          eq(routingItems.workspaceId, ctx.workspaceId),
          eq(routingItems.teamId, teamId),
          eq(routingItems.kind, kind),
          eq(routingItems.state, 'queued'),
          servable,
          from
            ? sql`(${queueOrder}) > (${from.priority}, ${from.sortAt}, ${from.conversationId})`
            : undefined,
        ),
      )
      .orderBy(asc(routingItems.priority), asc(routingItems.sortAt), asc(routingItems.conversationId))
      .limit(wanted.get(kind)!)
      .for('update', { skipLocked: true });
  });
  const rows = (await Promise.all(heads)).flat();
  return rows.sort(
    (a, b) =>
      a.priority - b.priority ||
      (a.sortAt?.getTime() ?? 0) - (b.sortAt?.getTime() ?? 0) ||
      (a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0),
  );
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

// Of the agents who can take it, those with its preferred skills first (once it no longer waits for
// them, they are still the better choice), then the least recently given work. One pass, no sort:
// a round of a thousand offers among five hundred agents asks this a thousand times.
function choose(
  agents: readonly AgentRow[],
  eligible: (a: AgentRow) => boolean,
  preferred: (a: AgentRow) => boolean,
) {
  let best: Ranked | undefined;
  for (const a of agents) {
    if (!eligible(a)) continue;
    const r = { a, rank: preferred(a) ? 0 : 1, at: a.lastAssignedAt?.getTime() ?? 0 };
    if (!best || ahead(r, best) < 0) best = r;
  }
  return best?.a;
}
type Ranked = { a: AgentRow; rank: number; at: number };
const ahead = (x: Ranked, y: Ranked) =>
  x.rank - y.rank || x.at - y.at || x.a.userId.localeCompare(y.a.userId);

/** Routes each of several teams in turn. */
export async function dispatchTeams(ctx: WorkContext, teamIds: Iterable<string>, now = new Date()) {
  let offered = 0;
  for (const teamId of new Set(teamIds)) offered += await dispatchTeam(ctx, teamId, now);
  return offered;
}
