import type { WorkContext } from '../../platform/tenancy/scope.js';
import { addMessage } from './add-message.js';

export type Proposal = { kind: string; promiseId?: string; reference?: string };

/**
 * A message to the customer that Earshot proposes and nobody has sent (a draft): kept on the
 * conversation as an internal note marked `proposal`, with no author, so the customer never sees
 * it and it answers nobody's wait. A member sends it, as it is or changed, as their own reply.
 */
export async function proposeMessage(
  ctx: WorkContext,
  conversationId: string,
  input: { text: string; proposal: Proposal },
) {
  const added = await addMessage(ctx, conversationId, {
    role: 'agent',
    text: input.text,
    internal: true,
    proposed: true,
    channelData: { proposal: input.proposal },
  });
  return { messageId: added.id };
}
