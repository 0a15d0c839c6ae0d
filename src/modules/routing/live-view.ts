import { z } from '@hono/zod-openapi';
import { inArray, sql } from 'drizzle-orm';
import { defineRoute, staff } from '../../platform/http/define-route.js';
import type { createRouter } from '../../platform/http/app-env.js';
import { errorResponses, jsonResponse, reply, type scopedRunner } from '../../platform/http/route-helpers.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { capacitiesOf } from '../workspaces/index.js';
import { presenceStatuses, routingAgents, routingItems } from './schema.js';

const load = z.object({
  chat: z.number().int(),
  email: z.number().int(),
  phone: z.number().int(),
  social: z.number().int(),
});

export const liveRoutingSchema = z
  .object({
    queues: z.array(
      z.object({
        teamId: z.uuid().nullable().openapi({ description: 'null: conversations with no team' }),
        waiting: z.number().int().openapi({ description: 'Queued, not yet offered to anyone' }),
        offered: z.number().int().openapi({ description: 'Offered to an agent who has not answered yet' }),
        longestWaitSeconds: z.number().int().nullable().openapi({
          description: 'How long the customer waiting longest in the queue has waited; null when none waits',
        }),
      }),
    ),
    agents: z.array(
      z.object({
        userId: z.uuid(),
        status: z.enum(presenceStatuses),
        lastSeenAt: z.string().nullable(),
        load: load.openapi({ description: 'Conversations of each kind held now' }),
        capacity: load.openapi({ description: 'Conversations of each kind routing may give at once' }),
      }),
    ),
  })
  .openapi('LiveRouting', { description: "The workspace's queues and agents as they are now" });

/*
 * The supervisor's live view, read from routing's own counters: each queue's waiting and offered
 * conversations and its longest wait (measured by the database clock, the one that stamped
 * enqueued_at), and each agent routing knows with presence, load and capacity. Agents are only
 * those with a routing row (once they set a presence or were given work); the rest are offline
 * and hold nothing.
 */
export async function liveRouting(ctx: WorkContext) {
  const queues = await ctx.tx
    .select({
      teamId: routingItems.teamId,
      waiting: sql<number>`count(*) FILTER (WHERE ${routingItems.state} = 'queued')::int`,
      offered: sql<number>`count(*) FILTER (WHERE ${routingItems.state} = 'offered')::int`,
      longestWaitSeconds: sql<number | null>`floor(extract(epoch FROM now() - min(${routingItems.enqueuedAt})
        FILTER (WHERE ${routingItems.state} = 'queued')))::int`,
    })
    .from(routingItems)
    .where(inArray(routingItems.state, ['queued', 'offered']))
    .groupBy(routingItems.teamId);
  const agents = await ctx.tx.select().from(routingAgents).orderBy(routingAgents.userId);
  // A member who left keeps a routing row until it is swept; they are no longer an agent here.
  const capacities = await capacitiesOf(
    ctx,
    agents.map((a) => a.userId),
  );
  return {
    queues,
    agents: agents
      .filter((a) => capacities.has(a.userId))
      .map((a) => ({
        userId: a.userId,
        status: a.status,
        lastSeenAt: a.lastSeenAt,
        load: { chat: a.chat, email: a.email, phone: a.phone, social: a.social },
        capacity: capacities.get(a.userId)!,
      })),
  };
}

/** GET /routing/live, added to routing's router. */
export function addLiveRoutingRoute(
  app: ReturnType<typeof createRouter>,
  run: ReturnType<typeof scopedRunner>,
) {
  app.openapi(
    defineRoute(staff('routing:reports'), {
      operationId: 'getLiveRouting',
      summary: "The queues' waiting conversations and longest waits, and the agents' presence and load",
      method: 'get',
      path: '/routing/live',
      tags: ['Routing'],
      responses: { 200: jsonResponse(liveRoutingSchema, 'Now'), ...errorResponses },
    }),
    async (c) => reply(c, liveRoutingSchema, await run(c, liveRouting), 200),
  );
}
