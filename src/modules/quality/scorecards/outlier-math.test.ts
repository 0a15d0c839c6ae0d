import { describe, expect, it } from 'vitest';
import { standings, type AgentTeamCell } from './outlier-math.js';
import { defaultOutlierSettings } from '../settings/settings-schema.js';

const at = new Date('2025-01-01T00:00:00Z');

// n conversations that all scored `score`, or a list of individual scores.
function cell(agentId: string, teamId: string | null, scores: number[]): AgentTeamCell {
  return {
    agentId,
    teamId,
    n: scores.length,
    sum: scores.reduce((a, b) => a + b, 0),
    sumSq: scores.reduce((a, b) => a + b * b, 0),
    lastAt: at,
  };
}
const times = (score: number, n: number) => Array.from({ length: n }, () => score);
const byAgent = (cells: AgentTeamCell[], settings = defaultOutlierSettings) =>
  new Map(standings(cells, settings).map((s) => [s.agentId, s]));

describe('outlier agents', () => {
  it('flags an agent more than the allowed points below the rest of the team', () => {
    const result = byAgent([
      cell('a', 't', times(85, 5)),
      cell('b', 't', times(80, 5)),
      cell('c', 't', times(60, 5)),
    ]);
    expect(result.get('c')).toMatchObject({ outlier: true, teamAverage: 82.5, average: 60, teamId: 't' });
    expect(result.get('a')!.outlier).toBe(false);
    expect(result.get('c')!.reason).toMatch(/22.5 points below/);
  });

  it('flags a smaller gap in a team whose scores sit close together', () => {
    const peers = [80, 81, 79, 80, 80, 81, 79, 80, 80, 80];
    const result = byAgent([cell('a', 't', peers), cell('c', 't', times(72, 5))]);
    expect(result.get('c')).toMatchObject({ outlier: true });
    expect(result.get('c')!.reason).toMatch(/standard deviations/);
  });

  it('does not flag a small gap however tight the team', () => {
    const result = byAgent([cell('a', 't', times(80, 10)), cell('c', 't', times(77, 5))]);
    expect(result.get('c')!.outlier).toBe(false);
  });

  it('needs enough conversations on both sides', () => {
    expect(byAgent([cell('a', 't', times(90, 5)), cell('c', 't', times(20, 4))]).get('c')!.outlier).toBe(
      false,
    );
    expect(byAgent([cell('a', 't', times(90, 4)), cell('c', 't', times(20, 5))]).get('c')!.outlier).toBe(
      false,
    );
    expect(byAgent([cell('c', 't', times(20, 9))]).get('c')).toMatchObject({
      outlier: false,
      teamAverage: null,
    });
  });

  it('compares with the team the agent worked most for, and keeps teamless work as its own group', () => {
    const result = byAgent([
      cell('c', 'billing', times(50, 6)),
      cell('c', 'network', times(90, 2)),
      cell('a', 'billing', times(88, 5)),
      cell('a', 'network', times(30, 5)),
      cell('x', null, times(10, 5)),
      cell('y', null, times(90, 5)),
    ]);
    expect(result.get('c')).toMatchObject({ teamId: 'billing', teamAverage: 88, average: 60, outlier: true });
    expect(result.get('x')).toMatchObject({ teamId: null, teamAverage: 90, outlier: true });
  });

  it('follows the workspace thresholds', () => {
    const cells = [cell('a', 't', [70, 100, 85, 95, 75]), cell('c', 't', times(65, 5))];
    expect(byAgent(cells).get('c')!.outlier).toBe(true);
    expect(byAgent(cells, { ...defaultOutlierSettings, pointsBelowTeam: 30 }).get('c')!.outlier).toBe(false);
    expect(
      byAgent([cell('a', 't', times(85, 5)), cell('c', 't', times(75, 5))], {
        ...defaultOutlierSettings,
        standardDeviations: 0,
      }).get('c')!.outlier,
    ).toBe(false);
    expect(byAgent(cells, { ...defaultOutlierSettings, minConversations: 10 }).get('c')!.outlier).toBe(false);
  });
});
