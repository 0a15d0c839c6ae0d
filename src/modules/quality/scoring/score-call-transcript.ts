import type { WorkContext } from '../../../platform/tenancy/scope.js';
import { qualityCallTurns, type CallTurn } from '../schema.js';
import { scoreConversation } from './score-conversation.js';

/*
 * A call's words, handed over by the phone channel once the call has ended, kept with the
 * conversation and judged with it: the conversation is scored again now, on its messages and
 * every call's words together (load-transcript.ts). The call's holds and transfers are already on
 * the conversation's timeline, so they count too. Scoring the conversation again later (when it
 * is resolved) reads the same words, so what the call showed is never replaced by a judgement of
 * the messages alone. A call's words sent again replace that call's, never another call's.
 */
export async function scoreCallTranscript(
  ctx: WorkContext,
  call: { conversationId: string; callId: string },
  turns: readonly CallTurn[],
) {
  const values = { turns: [...turns], updatedAt: new Date() };
  await ctx.tx
    .insert(qualityCallTurns)
    .values({
      workspaceId: ctx.workspaceId,
      conversationId: call.conversationId,
      callId: call.callId,
      ...values,
    })
    .onConflictDoUpdate({ target: [qualityCallTurns.conversationId, qualityCallTurns.callId], set: values });
  return scoreConversation(ctx, call.conversationId);
}
