import type { WorkContext } from '../../platform/tenancy/scope.js';
import { checkAgentOutlier } from './check-agent-outlier.js';
import { scoreTranscript } from './engine/index.js';
import { loadTranscript, type LoadedConversation } from './load-transcript.js';
import { presentScore } from './present-score.js';
import { loadQualitySettings } from './quality-settings.js';
import { saveScore } from './save-score.js';

// The score belongs to whoever held the conversation; one answered without being claimed
// belongs to the last agent who wrote to the customer, or it would vanish from every scorecard.
function responsibleAgent(conversation: LoadedConversation): string | null {
  if (conversation.assigneeId) return conversation.assigneeId;
  const last = conversation.messages.findLast((m) => m.role === 'agent' && !m.internal && m.authorId);
  return last?.authorId ?? null;
}

// The one scoring path, used by the background job and by on-demand scoring alike: score with the
// workspace's rubric, keep the result, tell listeners, then see whether the agent needs coaching.
export async function scoreConversation(ctx: WorkContext, conversationId: string) {
  const { conversation, transcript } = await loadTranscript(ctx, conversationId);
  const settings = await loadQualitySettings(ctx);
  const result = scoreTranscript(transcript, settings.rubric);
  const agentId = responsibleAgent(conversation);
  const row = await saveScore(ctx, { conversationId, agentId, teamId: conversation.teamId, channel: conversation.channel }, result);
  ctx.emit('conversation.scored', {
    conversationId,
    displayId: conversation.displayId,
    agentId,
    teamId: conversation.teamId,
    overall: row.overall,
    road: row.road,
    flags: row.flags,
  });
  if (agentId) await checkAgentOutlier(ctx, agentId, settings.outlier);
  return presentScore(row);
}
