import { and, eq, inArray, sql } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { capacitiesOf, teamRoster } from '../workspaces/index.js';
import { conversationRouting } from './queue-view.js';
import { routingAgents } from './schema.js';

// What a channel facing customers (the chat widget) may ask of routing.

/** Each conversation's place in its queue and wait estimate (the `routing` staff see), by id. */
export const routingOf = (ctx: WorkContext, conversationIds: readonly string[]) =>
  conversationRouting.load(ctx, conversationIds);

/*
 * Who could answer a chat now: the team's members (every member without a team) whose presence is
 * online, and how many of them have room for another chat. Presence is kept by heartbeats, so an
 * agent whose browser went away stops counting within a minute (see sweepRouting).
 */
export async function chatAgentsOnline(ctx: WorkContext, teamId: string | null) {
  const memberIds = teamId ? ((await teamRoster(ctx, teamId))?.members.map((m) => m.userId) ?? []) : null;
  if (memberIds && !memberIds.length) return { online: 0, withRoom: 0 };
  const online = await ctx.tx
    .select({ userId: routingAgents.userId, chats: routingAgents.chat })
    .from(routingAgents)
    .where(
      and(
        eq(routingAgents.status, 'online'),
        memberIds ? inArray(routingAgents.userId, memberIds) : sql`true`,
      ),
    );
  const capacities = await capacitiesOf(
    ctx,
    online.map((a) => a.userId),
  );
  const withRoom = online.filter((a) => a.chats < (capacities.get(a.userId)?.chat ?? 0)).length;
  return { online: online.length, withRoom };
}
