import { and, eq, lt, sql } from 'drizzle-orm';
import { defineListener } from '../../platform/events/define-listener.js';
import { inWorkspace, type ScopeDeps } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import type { ServiceDefinition } from '../../platform/modules/define-module.js';
import { teamsOfMember } from '../workspaces/index.js';
import { dispatchTeams } from './dispatch.js';
import { setPresence } from './presence.js';
import { routingAgents, routingItems } from './schema.js';

/*
 * Offers work as soon as something makes it possible: a conversation joins a queue, an agent's
 * capacity frees (resolved, closed, transferred away, given back, a call ended), an agent comes online, a
 * capacity grows, a team turns automatic assignment on. It runs right after the change commits
 * (the dispatcher is woken by the commit), so the next conversation is offered well within two
 * seconds; routing reads current state, so a repeated or late delivery offers nothing twice.
 */
export const routeOnChange = defineListener({
  name: 'routing.route-on-change',
  on: [
    'routing.changed',
    'routing.presence_changed',
    'routing.phone_line_changed',
    'team.updated',
    'member.updated',
  ],
  async handle(event, deps) {
    await inWorkspace(deps, systemScope(event.workspaceId), async (ctx) => {
      const teams: string[] = [];
      const data = event.data as Record<string, unknown>;
      switch (event.type) {
        case 'routing.changed':
          if (data.state === 'queued' && data.teamId) teams.push(data.teamId as string);
          if (data.freedAgentId) teams.push(...(await teamsOfMember(ctx, data.freedAgentId as string)));
          break;
        case 'routing.phone_line_changed':
          if (data.calls === 0) teams.push(...(await teamsOfMember(ctx, data.userId as string)));
          break;
        case 'routing.presence_changed':
        case 'member.updated':
          teams.push(...(await teamsOfMember(ctx, data.userId as string)));
          break;
        case 'team.updated':
          if (data.autoAssign) teams.push(data.teamId as string);
          break;
      }
      await dispatchTeams(ctx, teams);
    });
  },
});

// An agent not seen for this long is away: a client repeats its presence PUT more often than this.
export const heartbeatSeconds = 45;

/*
 * The safety net, in every process: marks agents whose heartbeat stopped as away (their unanswered
 * offers return to the queue), and routes every team that has someone waiting, in case an
 * event's routing found the conversation busy. Each step is its own workspace transaction.
 */
export async function sweepRouting(deps: ScopeDeps, now = new Date()) {
  const stale = await deps.db
    .select({ workspaceId: routingAgents.workspaceId, userId: routingAgents.userId })
    .from(routingAgents)
    .where(
      and(
        eq(routingAgents.status, 'online'),
        lt(routingAgents.lastSeenAt, new Date(now.getTime() - heartbeatSeconds * 1000)),
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
      dispatchTeams(ctx, [queue.teamId!]),
    );
  }
  return { away: stale.length, offered };
}

// Every 10 seconds, so a lost heartbeat reads as away within 45 + 10 seconds.
const sweepEveryMs = 10_000;

export const routingSweep: ServiceDefinition = {
  name: 'routing.sweep',
  runIn: ['server', 'worker'],
  async start(deps) {
    let running: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      running = running
        .then(() => sweepRouting(deps))
        .catch((err: unknown) => deps.logger.error({ err }, 'routing sweep failed'));
    }, sweepEveryMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await running;
    };
  },
};
