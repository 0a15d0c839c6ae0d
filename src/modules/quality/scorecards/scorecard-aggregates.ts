import { and, eq, gte, isNotNull, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { qualityScores } from '../schema.js';
import type { WorkContext } from '../../../platform/tenancy/scope.js';
import type { Period } from './load-agent-team-cells.js';
import type { GroupBy } from './worst-conversations.js';

export const SCORE_NAMES = ['empathy', 'listening', 'apologyFit', 'repeatAsk', 'clarity'] as const;
export const FLAG_NAMES = [
  'repeatAsk',
  'apologyMisplaced',
  'prematureClose',
  'redirectAndClose',
  'longHold',
  'multipleTransfers',
] as const;

const s = qualityScores;
const avg = (column: AnyColumn) => sql<number>`round(avg(${column})::numeric, 1)::float8`;
const roadCount = (road: number) =>
  sql<number>`(count(*) filter (where ${s.road} = ${sql.raw(String(road))}))::int`;
// Flag names are this module's constants, never input, so they are written into the query text.
const flagCount = (flag: string) =>
  sql<number>`(count(*) filter (where ${s.flags} ->> '${sql.raw(flag)}' = 'true'))::int`;

// Every figure on a scorecard in one grouped pass over the period's scores; messages are never read.
export async function scorecardAggregates(ctx: WorkContext, period: Period, groupBy: GroupBy) {
  const key = groupBy === 'agent' ? s.agentId : s.teamId;
  const where: SQL[] = [
    eq(s.workspaceId, ctx.workspaceId),
    gte(s.scoredAt, period.from),
    lte(s.scoredAt, period.to),
  ];
  if (groupBy === 'agent') where.push(isNotNull(s.agentId));
  const rows = await ctx.tx
    .select({
      id: key,
      conversations: sql<number>`count(*)::int`,
      overall: avg(s.overall),
      empathy: avg(s.empathy),
      listening: avg(s.listening),
      apologyFit: avg(s.apologyFit),
      repeatAsk: avg(s.repeatAsk),
      clarity: avg(s.clarity),
      road1: roadCount(1),
      road2: roadCount(2),
      road3: roadCount(3),
      road4: roadCount(4),
      ...Object.fromEntries(FLAG_NAMES.map((f) => [`flag_${f}`, flagCount(f)])),
    })
    .from(s)
    .where(and(...where))
    .groupBy(key);
  return rows.map((r) => {
    const row = r as typeof r & Record<string, number>;
    return {
      id: r.id,
      conversations: Number(r.conversations),
      averages: {
        overall: Number(r.overall),
        ...Object.fromEntries(SCORE_NAMES.map((n) => [n, Number(row[n])])),
      } as Record<'overall' | (typeof SCORE_NAMES)[number], number>,
      roadMix: { '1': Number(r.road1), '2': Number(r.road2), '3': Number(r.road3), '4': Number(r.road4) },
      flagCounts: Object.fromEntries(FLAG_NAMES.map((f) => [f, Number(row[`flag_${f}`])])) as Record<
        (typeof FLAG_NAMES)[number],
        number
      >,
    };
  });
}
