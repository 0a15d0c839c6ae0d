import { and, asc, eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadConversation } from '../conversations/index.js';
import { promises } from './schema.js';

// The open promises of one conversation, soonest to break first. Served by this module under
// the conversation's path so that conversations never import promises (promises depend on
// conversations, not the other way round).
export async function conversationPromises(ctx: WorkContext, conversationId: string) {
  await loadConversation(ctx, conversationId);
  return ctx.tx
    .select()
    .from(promises)
    .where(and(eq(promises.conversationId, conversationId), eq(promises.status, 'open')))
    .orderBy(asc(promises.breaksAt), asc(promises.id));
}
