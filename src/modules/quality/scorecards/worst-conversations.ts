import { and, asc, desc, eq, gte, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { qualityScores } from '../schema.js';
import type { WorkContext } from '../../../platform/tenancy/scope.js';
import type { Period } from './load-agent-team-cells.js';
import { topEvidence } from '../scoring/top-evidence.js';

export type GroupBy = 'agent' | 'team';

export type WorstConversation = {
  conversationId: string;
  overall: number;
  road: number;
  scoredAt: Date;
  evidence: ReturnType<typeof topEvidence>;
};

// The lowest-scored conversations of each agent or team, ranked in the database so only
// `perGroup` rows per group come back, however many were scored.
export async function worstConversations(
  ctx: WorkContext,
  options: Period & { groupBy: GroupBy; agentId?: string; perGroup?: number },
): Promise<Map<string | null, WorstConversation[]>> {
  const s = qualityScores;
  const key = options.groupBy === 'agent' ? s.agentId : s.teamId;
  const where: SQL[] = [
    eq(s.workspaceId, ctx.workspaceId),
    gte(s.scoredAt, options.from),
    lte(s.scoredAt, options.to),
  ];
  if (options.groupBy === 'agent') where.push(isNotNull(s.agentId));
  if (options.agentId) where.push(eq(s.agentId, options.agentId));
  const ranked = ctx.tx
    .select({
      groupKey: sql<string | null>`${key}`.as('group_key'),
      conversationId: s.conversationId,
      overall: s.overall,
      road: s.road,
      scoredAt: s.scoredAt,
      evidence: s.evidence,
      empathy: s.empathy,
      listening: s.listening,
      apologyFit: s.apologyFit,
      repeatAsk: s.repeatAsk,
      clarity: s.clarity,
      rank: sql<number>`row_number() over (partition by ${key} order by ${s.overall} asc, ${s.scoredAt} desc)`.as(
        'rank',
      ),
    })
    .from(s)
    .where(and(...where))
    .as('ranked');
  const rows = await ctx.tx
    .select()
    .from(ranked)
    .where(lte(ranked.rank, options.perGroup ?? 3))
    .orderBy(asc(ranked.overall), desc(ranked.scoredAt));

  const out = new Map<string | null, WorstConversation[]>();
  for (const row of rows) {
    const list = out.get(row.groupKey) ?? [];
    list.push({
      conversationId: row.conversationId,
      overall: row.overall,
      road: row.road,
      scoredAt: row.scoredAt,
      evidence: topEvidence(row),
    });
    out.set(row.groupKey, list);
  }
  return out;
}
