import { and, eq, sql } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { conversationEvents, conversations } from './schema.js';

/*
 * A call's steps on the timeline are the phone channel's view of the call's events, which may
 * arrive late, twice or out of order: the channel hands the whole list each time and it replaces
 * the call's previous entries (in whichever conversation held them), each dated when it happened.
 * The timeline therefore ends the same whatever order the events came in.
 */
export async function replaceCallEntries(
  ctx: WorkContext,
  conversationId: string,
  callId: string,
  entries: readonly { at: Date; data: Record<string, unknown> }[],
) {
  await ctx.tx
    .delete(conversationEvents)
    .where(
      and(
        eq(conversationEvents.workspaceId, ctx.workspaceId),
        eq(conversationEvents.type, 'call'),
        sql`${conversationEvents.data}->>'callId' = ${callId}`,
      ),
    );
  if (!entries.length) return;
  await ctx.tx.insert(conversationEvents).values(
    entries.map((e) => ({
      workspaceId: ctx.workspaceId,
      conversationId,
      type: 'call' as const,
      actorId: null,
      data: { ...e.data, callId },
      createdAt: e.at,
    })),
  );
  const last = entries.reduce((a, b) => (b.at > a ? b.at : a), entries[0]!.at);
  await ctx.tx
    .update(conversations)
    .set({
      lastActivityAt: sql`greatest(${conversations.lastActivityAt}, ${last.toISOString()}::timestamptz)`,
    })
    .where(eq(conversations.id, conversationId));
}
