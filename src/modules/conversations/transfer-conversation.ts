import { eq } from 'drizzle-orm';
import { conversations, type SkillRequirement } from './schema.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { assertMember, assertTeam } from '../workspaces/index.js';
import { loadConversation, present, recordEvent } from './conversation-row.js';

export type TransferInput = { teamId?: string; userId?: string; note: string; skills?: SkillRequirement[] };

// A transfer hands the whole case over: the handover note travels with it, and the identity
// verification stays on the conversation, so the next person never asks again.
export async function transferConversation(ctx: WorkContext, id: string, input: TransferInput) {
  const current = await loadConversation(ctx, id, { forUpdate: true });
  if (input.teamId) await assertTeam(ctx, input.teamId, 'teamId');
  if (input.userId) await assertMember(ctx, input.userId, 'userId');
  const next = {
    teamId: input.teamId ?? current.teamId,
    // Sent to a team without a named person: whoever on that team picks it up.
    assigneeId: input.userId ?? (input.teamId ? null : current.assigneeId),
  };
  const [row] = await ctx.tx
    .update(conversations)
    .set({ ...next, lastActivityAt: new Date() })
    .where(eq(conversations.id, id))
    .returning();
  const data = {
    note: input.note,
    from: { userId: current.assigneeId, teamId: current.teamId },
    to: { userId: next.assigneeId, teamId: next.teamId },
    verified: Boolean(current.verifiedAt),
  };
  await recordEvent(ctx, id, 'transferred', data);
  ctx.emit('conversation.transferred', {
    conversationId: id,
    displayId: current.displayId,
    ...data,
    ...(input.skills ? { skills: input.skills } : {}),
  });
  return present(row!);
}
