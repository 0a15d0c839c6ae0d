import { and, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import { qualityScores } from '../schema.js';
import type { WorkContext } from '../../../platform/tenancy/scope.js';
import type { AgentTeamCell } from './outlier-math.js';

export type Period = { from: Date; to: Date };

// One grouped pass over the workspace's scores in the period (the workspace + scored_at index),
// returning a handful of rows per agent: enough to compare every agent with their peers.
export async function loadAgentTeamCells(ctx: WorkContext, period: Period): Promise<AgentTeamCell[]> {
  const s = qualityScores;
  const rows = await ctx.tx
    .select({
      agentId: s.agentId,
      teamId: s.teamId,
      n: sql<number>`count(*)::int`,
      sum: sql<number>`sum(${s.overall})::float8`,
      sumSq: sql<number>`sum(${s.overall}::float8 * ${s.overall})`,
      lastAt: sql<Date>`max(${s.scoredAt})`.mapWith(s.scoredAt),
    })
    .from(s)
    .where(
      and(
        eq(s.workspaceId, ctx.workspaceId),
        gte(s.scoredAt, period.from),
        lte(s.scoredAt, period.to),
        isNotNull(s.agentId),
      ),
    )
    .groupBy(s.agentId, s.teamId);
  return rows.map((r) => ({
    ...r,
    agentId: r.agentId!,
    n: Number(r.n),
    sum: Number(r.sum),
    sumSq: Number(r.sumSq),
  }));
}
