import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { defineEnrichment } from '../../platform/enrichment/define-enrichment.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { teamRoster } from '../workspaces/index.js';
import type { SkillRequirement } from '../conversations/index.js';
import { answeredOffers } from './answered-offers.js';
import { requirementList } from './skills.js';
import { percentile, sumBuckets } from './rollup.js';
import { firstHumanRollup, routingAgents, routingItems } from './schema.js';

// Without history a queue promises what the default target allows.
const fallback = { p50: 30, p90: 60 };
const historyDays = 7;

type Routing = {
  state: 'queued' | 'offered' | 'assigned';
  teamId: string | null;
  agentId: string | null;
  enqueuedAt: Date | null;
  position: number | null;
  estimatedWait: { minSeconds: number; maxSeconds: number } | null;
  skills: SkillRequirement[];
};

/*
 * `routing` on a conversation: its state in its queue, and while it waits, its position (1 = next)
 * and an estimate. One statement reads the page's items with the positions of the waiting ones;
 * then one estimate per team on the page.
 */
export const conversationRouting = defineEnrichment<Routing>({
  resource: 'conversation',
  field: 'routing',
  async load(ctx, ids) {
    const i = alias(routingItems, 'i');
    const rows = await ctx.tx
      .select({
        id: i.conversationId,
        state: i.state,
        teamId: i.teamId,
        agentId: i.agentId,
        enqueuedAt: i.enqueuedAt,
        offeredAt: i.offeredAt,
        requiredSkills: i.requiredSkills,
        preferredSkills: i.preferredSkills,
        // Spelt out with its own aliases: drizzle writes a one-table query's columns unqualified.
        position: sql<number | null>`CASE WHEN i.state = 'queued' THEN (
          SELECT count(*)::int + 1 FROM routing_items q
          WHERE q.workspace_id = i.workspace_id AND q.team_id = i.team_id AND q.kind = i.kind
            AND q.state = 'queued'
            AND (q.priority, q.sort_at, q.conversation_id) < (i.priority, i.sort_at, i.conversation_id)
        ) END`,
      })
      .from(i)
      .where(and(inArray(i.conversationId, [...ids]), inArray(i.state, ['queued', 'offered', 'assigned'])));
    const answered = await answeredOffers(
      ctx,
      rows.map((r) => ({ ...r, conversationId: r.id })),
    );
    const estimates = new Map<string, Awaited<ReturnType<typeof queuePace>>>();
    for (const teamId of new Set(rows.filter((r) => r.state === 'queued').map((r) => r.teamId!))) {
      estimates.set(teamId, await queuePace(ctx, teamId));
    }
    return new Map(
      rows.map((r) => {
        const pace = r.state === 'queued' ? estimates.get(r.teamId!) : undefined;
        const rounds = pace && r.position ? Math.ceil(r.position / pace.agents) : 0;
        return [
          r.id,
          {
            state: (answered.has(r.id) ? 'assigned' : r.state) as Routing['state'],
            teamId: r.teamId,
            agentId: r.agentId,
            enqueuedAt: r.enqueuedAt,
            position: r.position,
            estimatedWait: pace ? { minSeconds: pace.p50 * rounds, maxSeconds: pace.p90 * rounds } : null,
            skills: requirementList(r.requiredSkills, r.preferredSkills),
          },
        ];
      }),
    );
  },
});

/*
 * How fast a queue moves: its recent time to first human (median and 90th percentile over the last
 * week, from the daily rollup) and how many of its agents are online to work it in parallel. A
 * waiting conversation expects one such wait per round of agents ahead of it.
 */
async function queuePace(ctx: WorkContext, teamId: string) {
  const since = new Date(Date.now() - historyDays * 86_400_000).toISOString().slice(0, 10);
  const days = await ctx.tx
    .select({ buckets: firstHumanRollup.buckets })
    .from(firstHumanRollup)
    .where(and(eq(firstHumanRollup.teamId, teamId), gte(firstHumanRollup.day, since)));
  const buckets = sumBuckets(days);
  const roster = await teamRoster(ctx, teamId);
  const memberIds = roster?.members.map((m) => m.userId) ?? [];
  const [online] = memberIds.length
    ? await ctx.tx
        .select({ n: sql<number>`count(*)::int` })
        .from(routingAgents)
        .where(and(inArray(routingAgents.userId, memberIds), eq(routingAgents.status, 'online')))
    : [{ n: 0 }];
  return {
    p50: percentile(buckets, 0.5) ?? fallback.p50,
    p90: percentile(buckets, 0.9) ?? fallback.p90,
    agents: Math.max(1, online?.n ?? 0),
  };
}
