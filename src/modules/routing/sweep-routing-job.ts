import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob, type JobContext } from '../../platform/jobs/index.js';
import type { ServiceDefinition } from '../../platform/modules/define-module.js';
import type { AppDeps } from '../../platform/http/app-env.js';
import { inWorkspace, type ScopeDeps } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { dispatchTeams } from './dispatch.js';
import { setPresence } from './presence.js';
import { routingAgents, routingItems } from './schema.js';

/*
 * An online agent is alive while they show it: a presence PUT, a heartbeat (POST /me/heartbeat)
 * or a realtime socket that answers its pings (its process marks its members seen every
 * socketBeatSeconds; a socket counts for staffSockets' freshMs after its last answer). One not
 * seen for staleSeconds is made away by the sweep, which runs every sweepSeconds: an agent whose
 * browser went away, or whose connection died without closing, is away within freshMs +
 * staleSeconds + sweepSeconds (+ a job poll) of their last sign of life, under a minute.
 */
export const staleSeconds = 40;
export const sweepSeconds = 10;
export const socketBeatSeconds = 15;

type SweepDeps = ScopeDeps & Pick<AppDeps, 'staffSockets'>;

/*
 * The safety net: marks agents whose heartbeat stopped as away (their unanswered offers return to
 * the queue with their original enqueuedAt), and routes every team that has someone waiting, in
 * case an event's routing found the conversation busy or a preferred-skills wait has passed. Each
 * step is its own workspace transaction. Members with a socket open in this process count as seen.
 */
export async function sweepRouting(deps: SweepDeps, now = new Date()) {
  await markSocketsSeen(deps, now);
  const stale = await deps.db
    .select({ workspaceId: routingAgents.workspaceId, userId: routingAgents.userId })
    .from(routingAgents)
    .where(
      and(
        eq(routingAgents.status, 'online'),
        lt(routingAgents.lastSeenAt, new Date(now.getTime() - staleSeconds * 1000)),
      ),
    )
    .limit(1000);
  for (const agent of stale) {
    await inWorkspace(deps, systemScope(agent.workspaceId), (ctx) =>
      setPresence(ctx, agent.userId, 'away', now),
    );
  }
  const waiting = await deps.db
    .selectDistinct({ workspaceId: routingItems.workspaceId, teamId: routingItems.teamId })
    .from(routingItems)
    .where(and(eq(routingItems.state, 'queued'), sql`${routingItems.teamId} IS NOT NULL`))
    .limit(1000);
  let offered = 0;
  for (const queue of waiting) {
    offered += await inWorkspace(deps, systemScope(queue.workspaceId), (ctx) =>
      dispatchTeams(ctx, [queue.teamId!], now),
    );
  }
  return { away: stale.length, offered };
}

/** Online members with a realtime socket open in this process are seen now (one update per workspace). */
export async function markSocketsSeen(deps: SweepDeps, now = new Date()) {
  const byWorkspace = new Map<string, string[]>();
  for (const { workspaceId, userId } of deps.staffSockets.members())
    byWorkspace.set(workspaceId, [...(byWorkspace.get(workspaceId) ?? []), userId]);
  for (const [workspaceId, userIds] of byWorkspace)
    await deps.db
      .update(routingAgents)
      .set({ lastSeenAt: now })
      .where(
        and(
          eq(routingAgents.workspaceId, workspaceId),
          inArray(routingAgents.userId, userIds),
          eq(routingAgents.status, 'online'),
        ),
      );
}

/*
 * Durable: the cron starts a sweep every minute, and each sweep sends the next one sweepSeconds
 * later, so sweeps run every few seconds across restarts and however many processes run. The queue
 * keeps one sweep waiting at a time ('short'), so the chain and the cron never pile up; a chain
 * broken by a crash is restarted by the next minute's cron.
 */
export const sweepRoutingJob = defineJob({
  name: 'routing.sweep',
  schema: z.object({}),
  handler: async (_payload, ctx: JobContext<AppDeps>) => {
    try {
      const swept = await sweepRouting(ctx);
      if (swept.away + swept.offered) ctx.logger.info(swept, 'routing swept');
    } finally {
      await ctx.jobs?.send(sweepRoutingJob, {}, { startAfter: sweepSeconds });
    }
  },
  options: { schedule: '* * * * *', policy: 'short', retryLimit: 0, expireInSeconds: 120 },
});

/*
 * In each process that serves sockets (the sweep may run in another): its members with a socket
 * open are marked seen every socketBeatSeconds, so an open socket keeps an agent online and a
 * closed one stops doing so.
 */
export const socketPresence: ServiceDefinition = {
  name: 'routing.socket-presence',
  runIn: ['server'],
  async start(deps) {
    let running: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      running = running
        .then(() => markSocketsSeen(deps))
        .catch((err: unknown) => deps.logger.error({ err }, 'marking socket holders seen failed'));
    }, socketBeatSeconds * 1000);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await running;
    };
  },
};
