import { conversations, messages, type Channel } from './schema.js';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { findCustomerRow } from '../customers/index.js';
import { assertMember, assertTeam, takeConversationNumber } from '../workspaces/index.js';
import { present, recordEvent } from './conversation-row.js';
import { requireCustomerVoice } from './require-customer-voice.js';
import { authorOf } from './author-kind.js';
import type { SkillRequirement } from './schema.js';

export type CreateConversationInput = {
  customerId: string;
  channel: Channel;
  subject?: string;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  teamId?: string;
  assigneeId?: string;
  skills?: SkillRequirement[];
  message: {
    text: string;
    role?: 'customer' | 'agent' | 'bot';
    channelData?: Record<string, unknown>;
    clientId?: string;
  };
  /** A conversation this one refers to (a stranger quoting another's reference), kept on the timeline. */
  relatedConversationId?: string;
};

export async function createConversation(ctx: WorkContext, input: CreateConversationInput) {
  if ((input.message.role ?? 'customer') === 'customer') requireCustomerVoice(ctx);
  const customer = await findCustomerRow(ctx, input.customerId).catch(() => {
    throw new AppError('CUSTOMER_NOT_FOUND', {
      invalidParams: [{ name: 'customerId', reason: 'no such customer in this workspace' }],
    });
  });
  // A conversation for a merged-away profile belongs to the profile it was merged into.
  const customerId = customer.mergedIntoId ?? customer.id;
  if (input.teamId) await assertTeam(ctx, input.teamId, 'teamId');
  if (input.assigneeId) await assertMember(ctx, input.assigneeId, 'assigneeId');

  const displayId = await takeConversationNumber(ctx);
  const author = authorOf(ctx, input.message.role ?? 'customer');
  const role = author.role;
  const humanFirst = author.kind === 'human';
  const now = new Date();
  const [row] = await ctx.tx
    .insert(conversations)
    .values({
      workspaceId: ctx.workspaceId,
      displayId,
      customerId,
      channel: input.channel,
      subject: input.subject ?? null,
      priority: input.priority ?? 'normal',
      teamId: input.teamId ?? null,
      assigneeId: input.assigneeId ?? null,
      messageCount: 1,
      lastActivityAt: now,
      firstHumanReplyAt: humanFirst ? now : null,
      lastHumanReplyAt: humanFirst ? now : null,
      customerWaitingSince: role === 'customer' ? now : null,
      // One clock for the conversation, its first message and the times kept from it.
      createdAt: now,
    })
    .returning();
  const [message] = await ctx.tx
    .insert(messages)
    .values({
      workspaceId: ctx.workspaceId,
      conversationId: row!.id,
      role,
      authorId: author.authorId,
      text: input.message.text,
      channelData: input.message.channelData ?? null,
      seq: 1,
      clientId: input.message.clientId ?? null,
      createdAt: now,
    })
    .returning({ id: messages.id });
  await recordEvent(ctx, row!.id, 'created', {
    channel: input.channel,
    ...(input.relatedConversationId ? { relatedConversationId: input.relatedConversationId } : {}),
  });
  if (input.assigneeId) await recordEvent(ctx, row!.id, 'assigned', { toUserId: input.assigneeId });
  ctx.emit('conversation.created', {
    conversationId: row!.id,
    displayId: row!.displayId,
    customerId,
    channel: input.channel,
    messageId: message!.id,
    ...(input.skills ? { skills: input.skills } : {}),
  });
  return { ...present(row!), firstMessageId: message!.id };
}
