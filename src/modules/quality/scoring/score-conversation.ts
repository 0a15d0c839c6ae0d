import type { WorkContext } from '../../../platform/tenancy/scope.js';
import { checkAgentOutlier } from '../coaching/check-agent-outlier.js';
import { loadEngine } from './load-engine.js';
import { loadTranscript, type LoadedConversation } from './load-transcript.js';
import { presentScore } from './present-score.js';
import { loadQualitySettings, type QualitySettings } from '../settings/quality-settings.js';
import { saveScore } from './save-score.js';

// The score belongs to whoever held the conversation; one answered without being claimed
// belongs to the last agent who wrote to the customer, or it would vanish from every scorecard.
function responsibleAgent(conversation: LoadedConversation): string | null {
  if (conversation.assigneeId) return conversation.assigneeId;
  const last = conversation.messages.findLast((m) => m.role === 'agent' && !m.internal && m.authorId);
  return last?.authorId ?? null;
}

async function scoreAndSave(ctx: WorkContext, conversationId: string, settings: QualitySettings) {
  const { conversation, transcript } = await loadTranscript(ctx, conversationId);
  const { scoreTranscript } = await loadEngine();
  const result = scoreTranscript(transcript, settings.rubric);
  const agentId = responsibleAgent(conversation);
  const row = await saveScore(
    ctx,
    { conversationId, agentId, teamId: conversation.teamId, channel: conversation.channel },
    result,
  );
  ctx.emit('conversation.scored', {
    conversationId,
    displayId: conversation.displayId,
    agentId,
    teamId: conversation.teamId,
    overall: row.overall,
    road: row.road,
    flags: row.flags,
  });
  return { row, agentId };
}

// The one scoring path, used by the background job and by on-demand scoring alike: score with the
// workspace's rubric, keep the result, tell listeners, then see whether the agent needs coaching.
export async function scoreConversation(ctx: WorkContext, conversationId: string) {
  const settings = await loadQualitySettings(ctx);
  const { row, agentId } = await scoreAndSave(ctx, conversationId, settings);
  if (agentId) await checkAgentOutlier(ctx, agentId, settings.outlier);
  return presentScore(row);
}

// Many at once (an import, a demo): the rubric is read once, and agents' standings are left to
// reviewAgents once everything is in, so a coaching task is judged on the whole period rather
// than on whichever conversations happened to be scored first. Resolves to the agents scored.
export async function scoreConversations(
  ctx: WorkContext,
  conversationIds: readonly string[],
): Promise<string[]> {
  const settings = await loadQualitySettings(ctx);
  const agents = new Set<string>();
  for (const id of conversationIds) {
    const { agentId } = await scoreAndSave(ctx, id, settings);
    if (agentId) agents.add(agentId);
  }
  return [...agents];
}

export async function reviewAgents(ctx: WorkContext, agentIds: Iterable<string>): Promise<void> {
  const { outlier } = await loadQualitySettings(ctx);
  for (const agentId of new Set(agentIds)) await checkAgentOutlier(ctx, agentId, outlier);
}
