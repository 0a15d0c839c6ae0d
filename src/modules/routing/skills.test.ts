import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { routingAgents } from './schema.js';
import { routingDesk } from './test-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  // No workers: each test routes by calling what the listener calls, with the clock it chooses.
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close(), 60_000);

const seconds = (n: number) => new Date(Date.now() + n * 1000);

describe('skills', () => {
  it('keeps members’ skills and teams’ preferred-skills wait, and refuses bad ones', async () => {
    const d = await routingDesk(t, { agents: 1 });
    const [agent] = d.agents;
    const member = await d.skills(agent!, [
      { skill: 'Spanish', level: 4 },
      { skill: 'billing', level: 2 },
    ]);
    // Names are compared without case, so they are kept in lower case.
    expect(member.skills).toEqual([
      { skill: 'spanish', level: 4 },
      { skill: 'billing', level: 2 },
    ]);
    expect(member.capacity).toEqual({ chat: 3, email: 10, phone: 1, social: 5 });
    const listed = (await d.api.get('/users')).json.data.find((u: { id: string }) => u.id === agent);
    expect(listed.skills).toHaveLength(2);
    // A list replaces the one before.
    expect((await d.skills(agent!, [])).skills).toEqual([]);

    const team = await d.api.patch(`/teams/${d.teamId}`, { preferredSkillsWaitSeconds: 120 });
    expect(team.status, team.text).toBe(200);
    expect(team.json).toMatchObject({ autoAssign: true, preferredSkillsWaitSeconds: 120 });
    expect((await d.api.get(`/teams/${d.teamId}`)).json.preferredSkillsWaitSeconds).toBe(120);

    const refused = [
      [await d.api.patch(`/users/${agent}`, { skills: [{ skill: 'spanish', level: 6 }] }), 'skills.0.level'],
      [await d.api.patch(`/users/${agent}`, { skills: [{ skill: 'spanish', level: 0 }] }), 'skills.0.level'],
      [await d.api.patch(`/users/${agent}`, { skills: [{ skill: '', level: 1 }] }), 'skills.0.skill'],
      [await d.api.patch(`/users/${agent}`, { skills: [{ skill: '<b>', level: 1 }] }), 'skills.0.skill'],
      [
        await d.api.patch(`/users/${agent}`, {
          skills: [
            { skill: 'Spanish', level: 1 },
            { skill: 'spanish', level: 2 },
          ],
        }),
        'skills.1.skill',
      ],
      [
        await d.api.patch(`/users/${agent}`, { skills: [{ skill: 'x', level: 1, extra: 1 }] }),
        'skills.0.extra',
      ],
      [
        await d.api.patch(`/teams/${d.teamId}`, { preferredSkillsWaitSeconds: -1 }),
        'preferredSkillsWaitSeconds',
      ],
      [
        await d.api.post('/conversations', {
          customerId: d.customerId,
          channel: 'chat',
          skills: [{ skill: 'spanish', minLevel: 9 }],
          message: { text: 'Hola' },
        }),
        'skills.0.minLevel',
      ],
      [
        await d.api.post(`/conversations/${await d.wait()}/transfer`, {
          teamId: d.teamId,
          note: 'x',
          skills: [{ skill: 'a' }, { skill: 'A' }],
        }),
        'skills.1.skill',
      ],
    ] as const;
    for (const [res, field] of refused) {
      expect(res.status, res.text).toBe(400);
      expect(res.json.invalid_params.map((p: { name: string }) => p.name)).toContain(field);
    }
  });

  it('offers a conversation only to agents with its required skills at their levels', async () => {
    const d = await routingDesk(t, { agents: 3, capacity: { chat: 5 } });
    const [beginner, fluent, none] = d.agents;
    await d.skills(beginner!, [{ skill: 'spanish', level: 2 }]);
    await d.skills(fluent!, [
      { skill: 'spanish', level: 4 },
      { skill: 'billing', level: 1 },
    ]);
    const spanish = await d.needing([{ skill: 'Spanish', minLevel: 3 }]);
    const unserved = await d.needing([{ skill: 'german', minLevel: 1 }], 'Hallo');
    const both = await d.needing([
      { skill: 'spanish', minLevel: 2 },
      { skill: 'billing', minLevel: 1 },
    ]);
    const anyone = await d.wait('Hello');
    // Shown with the conversation's place in its queue.
    expect(await d.routing(spanish)).toMatchObject({
      state: 'queued',
      skills: [{ skill: 'spanish', minLevel: 3, preferred: false }],
    });
    expect((await d.routing(anyone))!.skills).toEqual([]);

    for (const agent of d.agents) await d.presence(agent!, 'online');
    expect(await d.dispatch()).toBe(3);
    expect(await d.routing(spanish)).toMatchObject({ state: 'offered', agentId: fluent });
    expect(await d.routing(both)).toMatchObject({ state: 'offered', agentId: fluent });
    // Nobody speaks German: it keeps its place at the head, and what came after it went on.
    expect(await d.routing(unserved)).toMatchObject({ state: 'queued', position: 1 });
    const next = (await d.routing(anyone))!;
    expect(next.state).toBe('offered');
    expect([beginner, none]).toContain(next.agentId);

    // Once someone learns German, it goes to them.
    await d.skills(none!, [{ skill: 'german', level: 1 }]);
    expect(await d.dispatch()).toBe(1);
    expect(await d.routing(unserved)).toMatchObject({ state: 'offered', agentId: none });
  });

  it('passes over a conversation that needs what no single agent has, reading on in the queue', async () => {
    const d = await routingDesk(t, { agents: 2, capacity: { chat: 1 } });
    const [speaker, biller] = d.agents;
    await d.skills(speaker!, [{ skill: 'spanish', level: 5 }]);
    await d.skills(biller!, [{ skill: 'billing', level: 5 }]);
    // Each skill is on offer, but nobody has both.
    const both = await d.needing([{ skill: 'spanish' }, { skill: 'billing' }]);
    const first = await d.wait('first');
    const second = await d.wait('second');
    for (const agent of d.agents) await d.presence(agent!, 'online');
    // Two places: the first read finds the one nobody can take and the first; the next read,
    // after them, finds the second.
    expect(await d.dispatch()).toBe(2);
    expect(await d.routing(both)).toMatchObject({ state: 'queued', position: 1 });
    expect(new Set([(await d.routing(first))!.agentId, (await d.routing(second))!.agentId])).toEqual(
      new Set(d.agents),
    );
  });

  it('waits for preferred skills until the team’s wait has passed, then takes any agent with the required ones', async () => {
    const d = await routingDesk(t, { agents: 2, capacity: { chat: 5 } });
    const [billing, generalist] = d.agents;
    await d.skills(billing!, [{ skill: 'billing', level: 3 }]);
    await d.api.patch(`/teams/${d.teamId}`, { preferredSkillsWaitSeconds: 120 });
    const id = await d.needing([{ skill: 'billing', minLevel: 2, preferred: true }]);
    expect((await d.routing(id))!.skills).toEqual([{ skill: 'billing', minLevel: 2, preferred: true }]);

    // The billing agent is away: within the wait, nobody else is offered it.
    await d.presence(billing!, 'away');
    await d.presence(generalist!, 'online');
    expect(await d.dispatch()).toBe(0);
    expect(await d.dispatch(seconds(100))).toBe(0);
    expect(await d.routing(id)).toMatchObject({ state: 'queued', position: 1 });
    // The wait is over: the preferred skill is dropped.
    expect(await d.dispatch(seconds(121))).toBe(1);
    expect(await d.routing(id)).toMatchObject({ state: 'offered', agentId: generalist });
  });

  it('chooses an agent with the preferred skills over one less recently given work', async () => {
    const d = await routingDesk(t, { agents: 2, capacity: { chat: 5 } });
    const [billing, generalist] = d.agents;
    await d.skills(billing!, [{ skill: 'billing', level: 3 }]);
    await d.presence(billing!, 'online');
    await d.presence(generalist!, 'online');
    // The billing agent was given work most recently…
    await d.scoped((ctx) =>
      ctx.tx
        .update(routingAgents)
        .set({ lastAssignedAt: new Date() })
        .where(eq(routingAgents.userId, billing!)),
    );
    const anyone = await d.wait();
    await d.dispatch();
    expect(await d.routing(anyone)).toMatchObject({ agentId: generalist });
    // …yet, even after the wait, the conversation that prefers billing goes to them.
    const id = await d.needing([{ skill: 'billing', minLevel: 1, preferred: true }]);
    expect(await d.dispatch(seconds(3600))).toBe(1);
    expect(await d.routing(id)).toMatchObject({ state: 'offered', agentId: billing });
  });

  it('replaces the skills a conversation needs when it is transferred with new ones', async () => {
    const d = await routingDesk(t, { agents: 1, capacity: { chat: 5 } });
    const id = await d.needing([{ skill: 'spanish', minLevel: 3 }]);
    const other = await d.desk.team(`French ${d.workspaceId.slice(0, 8)}`, []);
    const moved = await d.api.post(`/conversations/${id}/transfer`, {
      teamId: other.id,
      note: 'Speaks French, in fact',
      skills: [
        { skill: 'french', minLevel: 2 },
        { skill: 'vip', preferred: true },
      ],
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json.routing).toMatchObject({
      state: 'queued',
      teamId: other.id,
      skills: [
        { skill: 'french', minLevel: 2, preferred: false },
        { skill: 'vip', minLevel: 1, preferred: true },
      ],
    });
    // Without skills, a transfer keeps the ones it had.
    const back = await d.api.post(`/conversations/${id}/transfer`, { teamId: d.teamId, note: 'Back' });
    expect(back.json.routing.skills).toHaveLength(2);
  });

  it("never changes another workspace's member's skills or team's wait", async () => {
    const a = await routingDesk(t, { agents: 1 });
    const b = await routingDesk(t, { agents: 1 });
    const skills = await b.api.patch(`/users/${a.agents[0]}`, { skills: [{ skill: 'spanish', level: 5 }] });
    expect(skills.status).toBe(404);
    const wait = await b.api.patch(`/teams/${a.teamId}`, { preferredSkillsWaitSeconds: 0 });
    expect(wait.status).toBe(404);
    const member = (await a.api.get('/users')).json.data.find((u: { id: string }) => u.id === a.agents[0]);
    expect(member.skills).toEqual([]);
    expect((await a.api.get(`/teams/${a.teamId}`)).json.preferredSkillsWaitSeconds).toBe(60);
  });
});
