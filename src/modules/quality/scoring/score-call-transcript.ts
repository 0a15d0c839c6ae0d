import type { WorkContext } from '../../../platform/tenancy/scope.js';
import { transcriptSchema, type Transcript } from '../../../engine/quality/formats.js';
import { checkAgentOutlier } from '../coaching/check-agent-outlier.js';
import { loadQualitySettings } from '../settings/quality-settings.js';
import { loadEngine } from './load-engine.js';
import { presentScore } from './present-score.js';
import { saveScore } from './save-score.js';

/*
 * A call's own transcript (what was said, with the call's holds, transfers and IVR steps as
 * events), scored as the conversation's score: on a call the words are in the transcript, not in
 * the conversation's messages. The same rubric, the same row and the same event as every score.
 */
export async function scoreCallTranscript(
  ctx: WorkContext,
  target: { conversationId: string; displayId: number; agentId: string | null; teamId: string | null },
  transcript: Transcript,
) {
  const settings = await loadQualitySettings(ctx);
  const { scoreTranscript } = await loadEngine();
  const result = scoreTranscript(transcriptSchema.parse(transcript), settings.rubric);
  const row = await saveScore(ctx, { ...target, channel: 'phone' }, result);
  ctx.emit('conversation.scored', {
    conversationId: target.conversationId,
    displayId: target.displayId,
    agentId: target.agentId,
    teamId: target.teamId,
    overall: row.overall,
    road: row.road,
    flags: row.flags,
  });
  if (target.agentId) await checkAgentOutlier(ctx, target.agentId, settings.outlier);
  return presentScore(row);
}
