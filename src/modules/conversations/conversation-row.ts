import { eq } from 'drizzle-orm';
import { conversationEvents, conversations, type TimelineEventType } from './schema.js';
import { AppError } from '../../platform/errors.js';
import { enrich } from '../../platform/enrichment/define-enrichment.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';

export type ConversationRow = typeof conversations.$inferSelect;

// Writes lock the row so concurrent assignments and status changes apply one after another.
export async function loadConversation(ctx: WorkContext, id: string, options: { forUpdate?: boolean } = {}) {
  const query = ctx.tx.select().from(conversations).where(eq(conversations.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw new AppError('CONVERSATION_NOT_FOUND');
  return row;
}

/** The row locked for a change, or null when another transaction holds it (the caller moves on). */
export async function lockConversationIfFree(ctx: WorkContext, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(conversations)
    .where(eq(conversations.id, id))
    .for('update', { skipLocked: true });
  return row ?? null;
}

export async function recordEvent(
  ctx: WorkContext,
  conversationId: string,
  type: TimelineEventType,
  data: Record<string, unknown> = {},
) {
  await ctx.tx
    .insert(conversationEvents)
    .values({ workspaceId: ctx.workspaceId, conversationId, type, actorId: ctx.actor.userId, data });
}

export function present(row: ConversationRow) {
  // The activity hour is the inbox indexes' copy of last_activity_at, not a field of its own.
  const { verifiedAt, verificationMethod, verifiedBy, workspaceId: _ws, activityHour: _hour, ...rest } = row;
  return {
    ...rest,
    verification:
      verifiedAt && verificationMethod ? { method: verificationMethod, verifiedAt, verifiedBy } : null,
  };
}

/** Conversations as answered: with the fields other modules add (routing), one batch per page. */
export const withEnrichments = <R extends { id: string }>(ctx: WorkContext, rows: readonly R[]) =>
  enrich(ctx, 'conversation', rows);

export const withEnrichment = async <R extends { id: string }>(ctx: WorkContext, row: R) =>
  (await withEnrichments(ctx, [row]))[0]!;

/** A promise's step on a conversation's timeline, written by the promises module. */
export const promiseEntry = (ctx: WorkContext, conversationId: string, data: Record<string, unknown>) =>
  recordEvent(ctx, conversationId, 'promise', data);
