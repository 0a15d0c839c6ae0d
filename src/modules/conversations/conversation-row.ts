import { eq } from 'drizzle-orm';
import {
  conversationEvents,
  conversations,
  memberships,
  teams,
  type TimelineEventType,
} from '../../db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';

export type ConversationRow = typeof conversations.$inferSelect;

// Writes lock the row so concurrent assignments and status changes apply one after another.
export async function loadConversation(ctx: WorkContext, id: string, options: { forUpdate?: boolean } = {}) {
  const query = ctx.tx.select().from(conversations).where(eq(conversations.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw new AppError('CONVERSATION_NOT_FOUND');
  return row;
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

export async function assertMember(ctx: WorkContext, userId: string, field: string) {
  const [m] = await ctx.tx
    .select({ id: memberships.userId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  if (!m)
    throw new AppError('USER_NOT_FOUND', {
      invalidParams: [{ name: field, reason: 'not a member of this workspace' }],
    });
}

export async function assertTeam(ctx: WorkContext, teamId: string, field: string) {
  const [t] = await ctx.tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!t)
    throw new AppError('TEAM_NOT_FOUND', {
      invalidParams: [{ name: field, reason: 'no such team in this workspace' }],
    });
}

export function present(row: ConversationRow) {
  const { verifiedAt, verificationMethod, verifiedBy, workspaceId: _ws, ...rest } = row;
  return {
    ...rest,
    verification:
      verifiedAt && verificationMethod ? { method: verificationMethod, verifiedAt, verifiedBy } : null,
  };
}
