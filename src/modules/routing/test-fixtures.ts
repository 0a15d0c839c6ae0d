import { expect } from 'vitest';
import { helpDesk } from '../../../test/support/help-desk.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { inWorkspace, type WorkContext } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { dispatchTeam } from './dispatch.js';
import { routingAgents, routingItems } from './schema.js';

/** A workspace with a customer, agents in a team that assigns by itself, and ways to drive it. */
export async function routingDesk(
  t: TestApp,
  options: { agents: number; capacity?: Record<string, number> },
) {
  const ws = await t.workspace();
  const api = t.as(ws.apiKey);
  const desk = helpDesk(api);
  const agents: string[] = [];
  for (let i = 0; i < options.agents; i++) {
    const { id } = await desk.member('agent', `Agent ${i + 1}`);
    if (options.capacity) await capacity(api, id, options.capacity);
    agents.push(id);
  }
  const team = await desk.team(`Queue ${ws.workspaceId.slice(0, 8)}`, agents);
  const on = await api.patch(`/teams/${team.id}`, { autoAssign: true });
  expect(on.status, on.text).toBe(200);
  const customer = await desk.customer();
  const scoped = <T>(work: (ctx: WorkContext) => Promise<T>) =>
    inWorkspace(t.deps, systemScope(ws.workspaceId), work);
  return {
    ...ws,
    api,
    desk,
    agents,
    teamId: team.id,
    customerId: customer.id,
    scoped,
    /** A customer's conversation waiting in the team's queue. */
    wait: async (text = 'Hello, anyone there?', channel = 'chat') =>
      (await desk.conversation({ customerId: customer.id, teamId: team.id, text, channel })).id,
    presence: async (userId: string, status: 'online' | 'away' | 'offline') => {
      const res = await api.put(`/users/${userId}/presence`, { status });
      expect(res.status, res.text).toBe(200);
      return res.json;
    },
    /** What an event would trigger, run here without workers. */
    dispatch: (now?: Date) => scoped((ctx) => dispatchTeam(ctx, team.id, now)),
    /** A customer's conversation waiting in the team's queue for the skills it names. */
    needing: async (skills: Record<string, unknown>[], text = 'Hola, ¿hay alguien?') => {
      const res = await api.post('/conversations', {
        customerId: customer.id,
        channel: 'chat',
        teamId: team.id,
        skills,
        message: { text },
      });
      expect(res.status, res.text).toBe(201);
      return res.json.id as string;
    },
    skills: async (userId: string, skills: { skill: string; level: number }[]) => {
      const res = await api.patch(`/users/${userId}`, { skills });
      expect(res.status, res.text).toBe(200);
      return res.json;
    },
    routing: async (conversationId: string) => {
      const res = await api.get(`/conversations/${conversationId}`);
      expect(res.status, res.text).toBe(200);
      return res.json.routing as Record<string, any> | null;
    },
    items: () => scoped((ctx) => ctx.tx.select().from(routingItems)),
    loads: () => scoped((ctx) => ctx.tx.select().from(routingAgents)),
  };
}

export async function capacity(
  api: ReturnType<TestApp['as']>,
  userId: string,
  value: Record<string, number>,
) {
  const res = await api.patch(`/users/${userId}`, { capacity: value });
  expect(res.status, res.text).toBe(200);
  return res.json;
}
