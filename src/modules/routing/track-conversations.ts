import { and, eq, min } from 'drizzle-orm';
import { defineReaction } from '../../platform/events/define-reaction.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import type { ModuleEvents } from '../../platform/events/define-events.js';
import {
  assignConversation,
  isFinished,
  isHumanReply,
  loadConversation,
  type Priority,
  type SkillRequirement,
} from '../conversations/index.js';
import { capacitiesOf } from '../workspaces/index.js';
import { lockAgents, roomFor } from './agents.js';
import { loadItem, moveItem, type ItemRow } from './items.js';
import { capacityKindOf, priorityRank } from './kinds.js';
import { recordWait } from './rollup.js';
import { routingItems } from './schema.js';
import { requirementMaps } from './skills.js';

/*
 * Routing follows each conversation in the transaction that changes it, so its queue never
 * disagrees with the conversation: created with a team (queued), assigned or transferred (held or
 * queued again), answered by a human (the first-human clock stops; an offer becomes an
 * assignment), resolved or closed (out of the queue; a wait with no human counts as abandoned),
 * reopened (back to its last agent if available, otherwise to the front of the queue), given
 * another priority (another place in the queue, with its arrival kept).
 */
export const trackConversations = defineReaction({
  name: 'routing.track-conversations',
  on: [
    'conversation.created',
    'conversation.message_added',
    'conversation.assigned',
    'conversation.transferred',
    'conversation.status_changed',
    'conversation.priority_changed',
  ],
  // Most messages come after a conversation's first human and change nothing here; they are
  // skipped without reading the queue (an offer they answer: see answeredOffers).
  when: (event) =>
    event.type !== 'conversation.message_added' ||
    (event.data as { awaitingHuman?: boolean }).awaitingHuman !== false,
  async handle(event, ctx) {
    const id = event.data.conversationId;
    const skills = (event.data as { skills?: SkillRequirement[] }).skills;
    const needs = skills ? requirementMaps(skills) : {};
    const item = (await loadItem(ctx, id)) ?? (await startItem(ctx, id, needs));
    switch (event.type) {
      case 'conversation.created':
        return;
      case 'conversation.message_added': {
        const data = event.data as ModuleEvents['conversation.message_added'];
        if (data.role === 'customer' && !item.waitingSince && !item.firstHumanAt) {
          await moveItem(ctx, item, { waitingSince: new Date(event.at) });
        }
        // Bots, automations and system messages never count; only a member's reply the customer sees.
        if (isHumanReply(data)) await answered(ctx, item, new Date(event.at));
        return;
      }
      case 'conversation.assigned': {
        const { toUserId } = event.data as { toUserId: string | null };
        if (item.agentId === toUserId) return; // routing's own assignment, already recorded
        if (item.state === 'done') return void (await moveItem(ctx, item, { agentId: toUserId }));
        if (toUserId) {
          return void (await moveItem(ctx, item, { state: 'assigned', agentId: toUserId }, { manual: true }));
        }
        return void (await moveItem(ctx, item, waitAgain(item)));
      }
      case 'conversation.transferred': {
        const { to } = event.data as { to: { userId: string | null; teamId: string | null } };
        if (item.state === 'done')
          return void (await moveItem(ctx, item, { teamId: to.teamId, agentId: to.userId, ...needs }));
        if (to.userId) {
          return void (await moveItem(
            ctx,
            item,
            { state: 'assigned', teamId: to.teamId, agentId: to.userId, ...needs },
            { manual: true },
          ));
        }
        // Sent to a team without a person: that team's queue, from now.
        const now = new Date(event.at);
        return void (await moveItem(ctx, item, {
          teamId: to.teamId,
          agentId: null,
          state: to.teamId ? 'queued' : 'unrouted',
          enqueuedAt: now,
          sortAt: now,
          ...needs,
        }));
      }
      case 'conversation.priority_changed': {
        // Its place follows: same arrival, another rank (the queue is read by priority first).
        const { to } = event.data as { to: Priority };
        return void (await moveItem(ctx, item, { priority: priorityRank(to) }));
      }
      case 'conversation.status_changed': {
        const { from, to } = event.data as { from: string; to: string };
        if (isFinished(to) && item.state !== 'done') return finished(ctx, item, new Date(event.at));
        if (isFinished(from) && !isFinished(to)) return reopened(ctx, item, new Date(event.at));
        return;
      }
    }
  },
});

// A conversation routing has not seen yet (created before routing followed it, or just now), with
// the skills its creation asked for.
async function startItem(
  ctx: WorkContext,
  conversationId: string,
  needs: Pick<ItemRow, 'requiredSkills' | 'preferredSkills'> | object,
): Promise<ItemRow> {
  const conv = await loadConversation(ctx, conversationId);
  // A phone conversation's waits are its calls', recorded per call by the phone channel.
  const startedByCustomer = !conv.firstHumanReplyAt && conv.channel !== 'phone';
  const queued = !conv.assigneeId && conv.teamId && !isFinished(conv.status);
  const [row] = await ctx.tx
    .insert(routingItems)
    .values({
      workspaceId: ctx.workspaceId,
      conversationId,
      teamId: conv.teamId,
      kind: capacityKindOf(conv.channel),
      channel: conv.channel,
      priority: priorityRank(conv.priority),
      state: isFinished(conv.status) ? 'done' : queued ? 'queued' : 'unrouted',
      enqueuedAt: queued ? conv.createdAt : null,
      sortAt: queued ? conv.createdAt : null,
      waitingSince: startedByCustomer ? conv.createdAt : null,
      // A conversation an agent started has had its human: it never enters the measure.
      firstHumanAt: startedByCustomer ? null : conv.firstHumanReplyAt,
      ...needs,
    })
    .returning();
  if (conv.assigneeId && !isFinished(conv.status)) {
    return moveItem(ctx, row!, { state: 'assigned', agentId: conv.assigneeId }, { manual: true });
  }
  if (queued)
    ctx.emit('routing.changed', {
      conversationId,
      teamId: conv.teamId,
      state: 'queued',
      agentId: null,
      freedAgentId: null,
    });
  return row!;
}

// Back to the team's queue with the place it had (its original enqueuedAt), or unrouted.
const waitAgain = (item: ItemRow) => ({
  state: item.teamId ? ('queued' as const) : ('unrouted' as const),
  agentId: null,
  enqueuedAt: item.enqueuedAt ?? new Date(),
  sortAt: item.sortAt ?? item.enqueuedAt ?? new Date(),
});

async function answered(ctx: WorkContext, item: ItemRow, at: Date) {
  const change: Partial<ItemRow> = {};
  if (item.waitingSince && !item.firstHumanAt) {
    await recordWait(ctx, {
      at,
      teamId: item.teamId,
      channel: item.channel,
      seconds: (at.getTime() - item.waitingSince.getTime()) / 1000,
    });
    change.firstHumanAt = at;
  }
  if (item.state === 'offered') change.state = 'assigned';
  if (Object.keys(change).length) await moveItem(ctx, item, change);
}

async function finished(ctx: WorkContext, item: ItemRow, at: Date) {
  const change: Partial<ItemRow> = {
    state: 'done',
    agentId: null,
    lastAgentId: item.agentId ?? item.lastAgentId,
  };
  // Closed while the customer still waited for a human: an abandoned wait, counted once.
  if (item.waitingSince && !item.firstHumanAt) {
    await recordWait(ctx, { at, teamId: item.teamId, channel: item.channel, seconds: null });
    change.waitingSince = null;
  }
  await moveItem(ctx, item, change);
}

// Back to the agent who had it if they are online with room for it, else first in the queue.
async function reopened(ctx: WorkContext, item: ItemRow, at: Date) {
  const last = item.lastAgentId;
  if (last && (await available(ctx, last, item))) {
    await moveItem(ctx, item, { state: 'offered', agentId: last, offeredAt: at }, { at });
    await assignConversation(ctx, item.conversationId, last);
    return;
  }
  if (!item.teamId) return void (await moveItem(ctx, item, { state: 'unrouted' }));
  const [front] = await ctx.tx
    .select({ first: min(routingItems.sortAt) })
    .from(routingItems)
    .where(
      and(
        eq(routingItems.workspaceId, ctx.workspaceId),
        eq(routingItems.teamId, item.teamId),
        eq(routingItems.kind, item.kind),
        eq(routingItems.state, 'queued'),
        eq(routingItems.priority, item.priority),
      ),
    );
  const first = front?.first ? new Date(front.first.getTime() - 1) : at;
  await moveItem(ctx, item, {
    state: 'queued',
    agentId: null,
    enqueuedAt: at,
    sortAt: first < at ? first : at,
  });
  await assignConversation(ctx, item.conversationId, null);
}

async function available(ctx: WorkContext, userId: string, item: ItemRow) {
  const [agent] = await lockAgents(ctx, [userId]);
  if (agent?.status !== 'online') return false;
  const capacity = (await capacitiesOf(ctx, [userId])).get(userId);
  return Boolean(capacity && roomFor(agent, capacity, item.kind) > 0);
}
