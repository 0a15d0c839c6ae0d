import { defineListener } from '../../platform/events/define-listener.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { teamsOfMember } from '../workspaces/index.js';
import { dispatchTeams } from './dispatch.js';

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
