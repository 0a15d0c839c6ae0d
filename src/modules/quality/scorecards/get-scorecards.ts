import { namesOf } from '../../workspaces/index.js';
import { AppError } from '../../../platform/errors.js';
import type { WorkContext } from '../../../platform/tenancy/scope.js';
import { loadAgentTeamCells, type Period } from './load-agent-team-cells.js';
import { standings } from './outlier-math.js';
import { loadQualitySettings } from '../settings/quality-settings.js';
import { scorecardAggregates } from './scorecard-aggregates.js';
import { worstConversations, type GroupBy } from './worst-conversations.js';

const DAY = 24 * 3600 * 1000;
// Scorecards are read from an index range; a bound keeps one request from aggregating years.
const MAX_DAYS = 400;

export type ScorecardsInput = { groupBy: GroupBy; from?: string; to?: string };

function period(input: ScorecardsInput, defaultDays: number): Period {
  const to = input.to ? new Date(input.to) : new Date();
  const from = input.from ? new Date(input.from) : new Date(to.getTime() - defaultDays * DAY);
  if (from >= to)
    throw new AppError('VALIDATION_FAILED', {
      invalidParams: [{ name: 'query.from', reason: 'must be before to' }],
    });
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY) {
    throw new AppError('VALIDATION_FAILED', {
      invalidParams: [{ name: 'query.from', reason: `the period may span at most ${MAX_DAYS} days` }],
    });
  }
  return { from, to };
}

// Per agent or per team: how many conversations were scored, how they scored, which roads they
// took, which Road 4 signals came up, and the worst three with the evidence to read first.
// Agents are also compared with their team; the lowest averages come first.
export async function getScorecards(ctx: WorkContext, input: ScorecardsInput) {
  const settings = await loadQualitySettings(ctx);
  const range = period(input, settings.outlier.periodDays);
  const groups = await scorecardAggregates(ctx, range, input.groupBy);
  const worst = await worstConversations(ctx, { ...range, groupBy: input.groupBy });
  const labels = await namesOf(
    ctx,
    input.groupBy === 'agent' ? 'person' : 'team',
    groups.flatMap((g) => (g.id ? [g.id] : [])),
  );
  const standing =
    input.groupBy === 'agent'
      ? new Map(standings(await loadAgentTeamCells(ctx, range), settings.outlier).map((s) => [s.agentId, s]))
      : undefined;

  const data = groups.map((g) => {
    const card = { ...g, name: g.id ? (labels.get(g.id) ?? null) : null, worst: worst.get(g.id) ?? [] };
    if (!standing) return card;
    const s = standing.get(g.id!);
    return {
      ...card,
      teamId: s?.teamId ?? null,
      teamAverage: s?.teamAverage ?? null,
      outlier: s?.outlier ?? false,
    };
  });
  data.sort((a, b) => a.averages.overall - b.averages.overall);
  return { groupBy: input.groupBy, from: range.from, to: range.to, data };
}
