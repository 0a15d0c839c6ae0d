import { and, eq, inArray } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { assignIfFree } from '../conversations/index.js';
import { assertMember } from '../workspaces/index.js';
import { ensureAgents, lockAgents } from './agents.js';
import { answeredOffers } from './answered-offers.js';
import { moveItem } from './items.js';
import { routingAgents, routingItems, type Presence } from './schema.js';

/*
 * Sets an agent's presence and marks them seen (a repeated PUT is the heartbeat). An agent who
 * goes away or offline gives back what they were offered and have not answered: each returns to
 * its queue with its original enqueuedAt, so the customer keeps their place. Conversations are
 * locked before the agent's row, in the order every other change takes them.
 */
export async function setPresence(ctx: WorkContext, userId: string, status: Presence, now = new Date()) {
  await assertMember(ctx, userId, 'id');
  let returned = 0;
  if (status !== 'online') {
    const offered = await ctx.tx
      .select()
      .from(routingItems)
      .where(and(eq(routingItems.agentId, userId), eq(routingItems.state, 'offered')));
    const answered = await answeredOffers(ctx, offered);
    for (const item of offered) {
      if (answered.has(item.conversationId)) {
        await moveItem(ctx, item, { state: 'assigned' }); // theirs: answered since it was offered
        continue;
      }
      if (!(await assignIfFree(ctx, item.conversationId, null))) continue; // being changed: the sweep retries
      await moveItem(ctx, item, {
        state: item.teamId ? 'queued' : 'unrouted',
        agentId: null,
        enqueuedAt: item.enqueuedAt ?? now,
        sortAt: item.sortAt ?? item.enqueuedAt ?? now,
      });
      returned++;
    }
  }
  const [agent] = await lockAgents(ctx, [userId]);
  await ctx.tx.update(routingAgents).set({ status, lastSeenAt: now }).where(eq(routingAgents.userId, userId));
  if (agent!.status !== status || returned) {
    ctx.emit('routing.presence_changed', { userId, from: agent!.status, to: status, returned });
  }
  return { userId, status, lastSeenAt: now, returned };
}

/*
 * A sign of life that changes nothing else: the agent is seen now. An agent the sweep made away
 * stays away until they say they are back (a presence PUT), so a tab left open in the background
 * does not pull work to someone who walked off.
 */
export async function heartbeat(ctx: WorkContext, userId: string, now = new Date()) {
  await ensureAgents(ctx, [userId]);
  const [agent] = await ctx.tx
    .update(routingAgents)
    .set({ lastSeenAt: now })
    .where(eq(routingAgents.userId, userId))
    .returning({ status: routingAgents.status });
  return { userId, status: agent!.status, lastSeenAt: now, returned: 0 };
}

/** Presence of several agents (offline when never seen). */
export async function presenceOf(ctx: WorkContext, userIds: readonly string[]) {
  if (!userIds.length) return new Map<string, Presence>();
  const rows = await ctx.tx
    .select({ userId: routingAgents.userId, status: routingAgents.status })
    .from(routingAgents)
    .where(inArray(routingAgents.userId, [...userIds]));
  return new Map(rows.map((r) => [r.userId, r.status]));
}
