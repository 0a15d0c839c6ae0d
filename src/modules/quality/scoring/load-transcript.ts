import { AppError } from '../../../platform/errors.js';
import type { WorkContext } from '../../../platform/tenancy/scope.js';
import { getConversation } from '../../conversations/index.js';
import { brokenPromises } from '../../promises/index.js';
import { buildTranscript, type Judging } from './build-transcript.js';
import { transcriptSchema, type Transcript } from '../../../engine/quality/formats.js';

export type LoadedConversation = Awaited<ReturnType<typeof getConversation>>;

// Read through the conversations module's own query: the same view of a conversation an agent
// sees, and a 404 for an id from another workspace.
export async function loadTranscript(
  ctx: WorkContext,
  conversationId: string,
  judging: Judging = 'conversation',
) {
  const conversation = await getConversation(ctx, conversationId);
  const broken = await brokenPromises(ctx, conversationId);
  const built = buildTranscript(
    {
      ...conversation,
      brokenPromises: broken.map((p) => ({ ...p, brokenAt: p.brokenAt ?? p.breaksAt })),
    },
    judging,
  );
  if (built.turns.length === 0) {
    throw new AppError('INVALID_STATE', {
      message: 'The conversation has no messages the customer saw, so there is nothing to judge',
    });
  }
  // The engine trusts its input; checking here turns a mapping mistake into a clear error.
  const transcript: Transcript = transcriptSchema.parse(built);
  return { conversation, transcript };
}
