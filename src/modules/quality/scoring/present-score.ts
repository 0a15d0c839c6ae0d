import type { qualityScores } from '../schema.js';

export type QualityScoreRow = typeof qualityScores.$inferSelect;

export function presentScore(row: QualityScoreRow) {
  return {
    conversationId: row.conversationId,
    agentId: row.agentId,
    teamId: row.teamId,
    channel: row.channel,
    overall: row.overall,
    road: row.road,
    scores: {
      empathy: row.empathy,
      listening: row.listening,
      apologyFit: row.apologyFit,
      repeatAsk: row.repeatAsk,
      clarity: row.clarity,
    },
    resolution: row.resolution,
    flags: row.flags,
    sentiment: row.sentiment,
    reasons: row.reasons,
    evidence: row.evidence,
    engineVersion: row.engineVersion,
    scoredAt: row.scoredAt,
  };
}
