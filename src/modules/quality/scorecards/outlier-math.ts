import type { OutlierSettings } from '../settings/settings-schema.js';

// One agent's scored conversations within one team in the period, as sums so that groups can be
// combined and a peer group formed by subtraction without reading rows again.
export type AgentTeamCell = {
  agentId: string;
  teamId: string | null;
  n: number;
  sum: number;
  sumSq: number;
  lastAt: Date;
};

export type AgentStanding = {
  agentId: string;
  conversations: number;
  average: number;
  teamId: string | null;
  teamAverage: number | null;
  outlier: boolean;
  reason: string | null;
};

// With peers whose scores are nearly identical the deviation approaches zero; a gap this small on a
// 0-100 scale is noise however tight the team.
const MIN_GAP = 5;

const round1 = (n: number) => Math.round(n * 10) / 10;

/*
 * An agent is compared with their team: the team they handled most conversations for in the
 * period (ties go to the most recent), where conversations without a team form a group of their
 * own. "The team" means the agent's peers, everyone else's conversations in it, so one weak agent
 * cannot pull down the average they are measured against. Both sides need `minConversations`.
 */
export function standings(cells: readonly AgentTeamCell[], settings: OutlierSettings): AgentStanding[] {
  const teamKey = (teamId: string | null) => teamId ?? '';
  const teams = new Map<string, { n: number; sum: number; sumSq: number }>();
  const agents = new Map<string, AgentTeamCell[]>();
  for (const cell of cells) {
    const team = teams.get(teamKey(cell.teamId)) ?? { n: 0, sum: 0, sumSq: 0 };
    teams.set(teamKey(cell.teamId), {
      n: team.n + cell.n,
      sum: team.sum + cell.sum,
      sumSq: team.sumSq + cell.sumSq,
    });
    agents.set(cell.agentId, [...(agents.get(cell.agentId) ?? []), cell]);
  }

  return [...agents.entries()].map(([agentId, own]) => {
    const n = own.reduce((acc, c) => acc + c.n, 0);
    const average = own.reduce((acc, c) => acc + c.sum, 0) / n;
    const home = [...own].sort((a, b) => b.n - a.n || b.lastAt.getTime() - a.lastAt.getTime())[0]!;
    const team = teams.get(teamKey(home.teamId))!;
    const peers = { n: team.n - home.n, sum: team.sum - home.sum, sumSq: team.sumSq - home.sumSq };
    const base = { agentId, conversations: n, average: round1(average), teamId: home.teamId };
    if (peers.n === 0) return { ...base, teamAverage: null, outlier: false, reason: null };

    const mean = peers.sum / peers.n;
    const deviation = Math.sqrt(Math.max(0, peers.sumSq / peers.n - mean * mean));
    const gap = mean - average;
    const enough = n >= settings.minConversations && peers.n >= settings.minConversations;
    const byPoints = gap > settings.pointsBelowTeam;
    const bySpread =
      settings.standardDeviations > 0 &&
      gap >= MIN_GAP &&
      average < mean - settings.standardDeviations * deviation;
    const outlier = enough && (byPoints || bySpread);
    const reason = outlier
      ? `Average ${round1(average)} over ${n} conversations is ${round1(gap)} points below the team's ${round1(mean)}` +
        (byPoints
          ? ` (limit ${settings.pointsBelowTeam} points)`
          : ` (more than ${settings.standardDeviations} standard deviations of ${round1(deviation)})`)
      : null;
    return { ...base, teamAverage: round1(mean), outlier, reason };
  });
}
