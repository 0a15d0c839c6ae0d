import { qualityScores } from '../schema.js';
import { type Channel } from '../../conversations/index.js';
import type { WorkContext } from '../../../platform/tenancy/scope.js';
import type { QualityResult } from '../../../engine/quality/formats.js';
import { QUALITY_ENGINE_VERSION } from './engine-version.js';

export type ScoreTarget = {
  conversationId: string;
  agentId: string | null;
  teamId: string | null;
  channel: Channel;
};

// Scoring again replaces the row: a conversation has one current score, the latest engine's view.
export async function saveScore(ctx: WorkContext, target: ScoreTarget, result: QualityResult) {
  const values = {
    agentId: target.agentId,
    teamId: target.teamId,
    channel: target.channel,
    overall: Math.round(result.overall),
    road: result.road,
    empathy: Math.round(result.scores.empathy),
    listening: Math.round(result.scores.listening),
    apologyFit: Math.round(result.scores.apologyFit),
    repeatAsk: Math.round(result.scores.repeatAsk),
    clarity: Math.round(result.scores.clarity),
    resolution: result.resolution,
    flags: { ...result.flags },
    sentiment: { ...result.sentiment },
    reasons: result.reasons,
    evidence: result.evidence.map(({ criterion, turn, quote, why }) => ({ criterion, turn, quote, why })),
    engineVersion: QUALITY_ENGINE_VERSION,
    scoredAt: new Date(),
  };
  const [row] = await ctx.tx
    .insert(qualityScores)
    .values({ workspaceId: ctx.workspaceId, conversationId: target.conversationId, ...values })
    .onConflictDoUpdate({ target: qualityScores.conversationId, set: values })
    .returning();
  return row!;
}
