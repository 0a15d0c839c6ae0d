import type { WorkContext } from '../../../platform/tenancy/scope.js';
import { loadEngine } from './load-engine.js';
import { loadTranscript } from './load-transcript.js';
import { loadQualitySettings } from '../settings/quality-settings.js';

// Judged as the next turn of the conversation, with everything known and verified so far and the
// workspace's own phrases, so the agent hears about a repeat-ask or a misplaced apology before
// the customer reads it.
export async function checkDraftReply(ctx: WorkContext, conversationId: string, text: string) {
  const { transcript } = await loadTranscript(ctx, conversationId, 'draft');
  const { rubric } = await loadQualitySettings(ctx);
  const { checkDraft } = await loadEngine();
  const { warnings } = checkDraft({ text, transcript, rubric });
  return { warnings };
}
