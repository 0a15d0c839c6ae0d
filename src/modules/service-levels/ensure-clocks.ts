import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { getConversation } from '../conversations/index.js';
import { clocksFor, customerWrote, humanReplied, lockState, opened, save, statusChanged } from './clocks.js';
import { anyPolicy, matchPolicy } from './policy-row.js';
import { slaConversations } from './schema.js';

type Conversation = Awaited<ReturnType<typeof getConversation>>;

/**
 * The conversation's clocks, locked; built from its history the first time service levels meet
 * it (normally its conversation.created, but events can come in any order, and a conversation can
 * predate the workspace's first policy). Null when there is nothing to follow: the workspace has
 * no policy, or the conversation is gone.
 */
export async function ensureClocks(ctx: WorkContext, conversationId: string) {
  const existing = await lockState(ctx, conversationId);
  if (existing) return clocksFor(ctx, existing);
  if (!(await anyPolicy(ctx))) return null;
  const conversation = await getConversation(ctx, conversationId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'CONVERSATION_NOT_FOUND') return null;
    throw err;
  });
  if (!conversation) return null;
  const policy = await matchPolicy(ctx, conversation);
  const inserted = await ctx.tx
    .insert(slaConversations)
    .values({
      workspaceId: ctx.workspaceId,
      conversationId,
      policyId: policy?.id ?? null,
      calendarId: policy?.calendarId ?? null,
      teamId: conversation.teamId,
      priority: conversation.priority,
      channel: conversation.channel,
      status: 'open',
      statusAt: conversation.createdAt,
    })
    .onConflictDoNothing()
    .returning({ id: slaConversations.conversationId });
  const c = await clocksFor(ctx, (await lockState(ctx, conversationId))!);
  // Another delivery built it first (it waited on our insert): its history is in already.
  if (!inserted.length) return c;
  await replay(c, conversation);
  await save(c);
  return c;
}

/*
 * Plays the conversation's history so far through the same steps its events take: the first
 * message, then every later message and status change in order. Events for the same facts that
 * arrive afterwards find them applied and change nothing.
 */
async function replay(c: Awaited<ReturnType<typeof clocksFor>>, conversation: Conversation) {
  const [first, ...rest] = conversation.messages;
  await opened(c, conversation.createdAt, first?.role !== 'agent');
  type Step = { at: Date; apply: () => Promise<void> };
  const steps: Step[] = [];
  for (const m of rest) {
    if (m.role === 'customer') steps.push({ at: m.createdAt, apply: () => customerWrote(c, m.createdAt) });
    if (m.role === 'agent' && !m.internal)
      steps.push({ at: m.createdAt, apply: () => humanReplied(c, m.createdAt) });
  }
  for (const e of conversation.timeline) {
    if (e.type !== 'status_changed') continue;
    const { from, to } = e.data as { from: string; to: string };
    steps.push({ at: e.at, apply: () => statusChanged(c, from, to, e.at) });
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of steps) await step.apply();
}
