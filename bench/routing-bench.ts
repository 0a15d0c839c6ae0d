import type { DbHandle } from '../src/db/client.js';
import { bootstrapWorkspace } from '../src/modules/identity/index.js';
import { dispatchTeams } from '../src/modules/routing/index.js';
import { inWorkspace } from '../src/platform/tenancy/scope.js';
import { systemScope } from '../src/platform/tenancy/system-scope.js';
import { buildApp } from '../src/app/build-app.js';
import { benchDeps } from './api-bench.js';

export type RoutingFigures = {
  agents: number;
  waiting: number;
  /** One round offering every free place at once, when all agents come online. */
  firstRound: { offered: number; ms: number };
  /** A place frees (a conversation resolved) and routing offers the next one. */
  decisions: { count: number; perSecond: number; p50Ms: number; p99Ms: number };
  /** Reading a conversation at the back of the queue, with its position and estimate. */
  positionRead: { count: number; p50Ms: number; p99Ms: number; position: number };
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;

// Routing at the scale of a large contact centre: one queue of `waiting` conversations and
// `agents` agents with room for two chats each. Everything is set up through the API; the
// decision timed is what routing's listener runs when a place frees: offer the next conversation
// by (priority, arrival) to the least recently served agent with room.
export async function routingBench(
  handle: DbHandle,
  o: { agents: number; waiting: number; decisions: number; progress: (m: string) => void },
): Promise<RoutingFigures> {
  const deps = benchDeps(handle);
  const app = buildApp(deps);
  const { workspaceId, apiKey } = await bootstrapWorkspace({
    db: handle.db,
    name: 'Routing bench',
    admin: { email: `routing-${Date.now()}@example.test`, password: 'bench password long enough' },
  });
  const call = async (method: string, path: string, body?: unknown, key = apiKey) => {
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300)
      throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  const inParallel = async (count: number, width: number, run: (i: number) => Promise<unknown>) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: width }, async () => {
        while (next < count) await run(next++);
      }),
    );
  };

  o.progress(`routing: ${o.agents} agents in one queue`);
  const team = await call('POST', '/teams', { name: 'Everyone' });
  const agents: string[] = [];
  await inParallel(o.agents, 8, async (i) => {
    const user = await call('POST', '/users', {
      email: `agent-${i}@bench.test`,
      name: `Agent ${i}`,
      role: 'agent',
    });
    await call('PATCH', `/users/${user.id}`, { capacity: { chat: 2 } });
    await call('POST', `/teams/${team.id}/members`, { userId: user.id });
    agents.push(user.id as string);
  });
  await call('PATCH', `/teams/${team.id}`, { autoAssign: true });
  const customer = await call('POST', '/customers', { name: 'Queue Customer' });
  // Customers' words come in through a channel's key.
  const channel = await call('POST', '/api-keys', {
    name: 'Chat',
    role: 'agent',
    permissions: ['conversations:impersonate-customer'],
  });
  const places = o.agents * 2;
  o.progress(`routing: ${o.waiting + places} conversations waiting`);
  const conversations: string[] = [];
  await inParallel(o.waiting + places, 8, async (i) => {
    const c = await call(
      'POST',
      '/conversations',
      {
        customerId: customer.id,
        channel: 'chat',
        teamId: team.id,
        message: { text: `Waiting customer ${i}` },
      },
      channel.key as string,
    );
    conversations[i] = c.id as string;
  });
  const route = () =>
    inWorkspace(deps, systemScope(workspaceId), (ctx) => dispatchTeams(ctx, [team.id as string]));

  o.progress('routing: every agent comes online');
  for (const id of agents) await call('PUT', `/users/${id}/presence`, { status: 'online' });
  let started = performance.now();
  const offeredFirst = await route();
  const firstRound = { offered: offeredFirst, ms: performance.now() - started };

  o.progress(`routing: ${o.decisions} places free, one at a time`);
  const times: number[] = [];
  for (let n = 0; n < o.decisions; n++) {
    await call('POST', `/conversations/${conversations[n]}/status`, { status: 'resolved' });
    started = performance.now();
    const offered = await route();
    times.push(performance.now() - started);
    if (offered !== 1) throw new Error(`a freed place led to ${offered} offers, not 1`);
  }
  times.sort((a, b) => a - b);

  const last = conversations.at(-1)!;
  const reads: number[] = [];
  let position = 0;
  for (let n = 0; n < 50; n++) {
    started = performance.now();
    const c = await call('GET', `/conversations/${last}`);
    reads.push(performance.now() - started);
    position = (c.routing as { position: number }).position;
  }
  reads.sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  return {
    agents: o.agents,
    waiting: o.waiting,
    firstRound,
    decisions: {
      count: times.length,
      perSecond: (times.length * 1000) / total,
      p50Ms: percentile(times, 0.5),
      p99Ms: percentile(times, 0.99),
    },
    positionRead: {
      count: reads.length,
      p50Ms: percentile(reads, 0.5),
      p99Ms: percentile(reads, 0.99),
      position,
    },
  };
}
