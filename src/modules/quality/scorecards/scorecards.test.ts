import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { helpDesk } from '../../../../test/support/help-desk.js';

let t: TestApp;
let desk: ReturnType<typeof helpDesk>;
let quality: ReturnType<TestApp['as']>;
const people = {} as Record<'good1' | 'good2' | 'weak' | 'supervisor' | 'admin', string>;
let teamId: string;
const weakConversations: string[] = [];

async function handled(agentId: string, kind: 'good' | 'bad') {
  const customer = await desk.customer();
  if (kind === 'good') {
    const conv = await desk.conversation({
      customerId: customer.id,
      assigneeId: agentId,
      teamId,
      text: 'My internet keeps dropping every evening and I work from home.',
    });
    await desk.say(
      conv.id,
      'agent',
      "I'm sorry the connection keeps dropping, that's really disruptive when you work from home. I've found a fault on your line and reset it, so it should stay stable now.",
    );
    await desk.say(conv.id, 'customer', 'Great, it works now, thank you so much!');
    await desk.status(conv.id, 'resolved');
    return conv.id;
  }
  const conv = await desk.conversation({
    customerId: customer.id,
    assigneeId: agentId,
    teamId,
    text: 'My internet keeps dropping every evening and I work from home. This is the third time I contact you!',
  });
  await desk.say(conv.id, 'agent', 'What is your account number?');
  await desk.say(conv.id, 'customer', 'It is 44512. Can you fix it or not?');
  await desk.say(conv.id, 'agent', 'You need to contact the network team for that. Goodbye.');
  await desk.status(conv.id, 'closed');
  return conv.id;
}

async function score(conversationId: string) {
  const res = await quality.post(`/conversations/${conversationId}/quality`);
  expect(res.status, res.text).toBe(200);
  return res.json;
}

beforeAll(async () => {
  t = await createTestApp();
  const ws = await t.workspace('Scorecards');
  desk = helpDesk(t.as(ws.apiKey));
  quality = t.as(ws.apiKey);
  people.admin = (await desk.member('admin', 'Ada Admin')).id;
  people.supervisor = (await desk.member('supervisor', 'Sam Supervisor')).id;
  people.good1 = (await desk.member('agent', 'Gail Good')).id;
  people.good2 = (await desk.member('agent', 'Gus Good')).id;
  people.weak = (await desk.member('agent', 'Walt Weak')).id;
  teamId = (await desk.team('Broadband', [people.good1, people.good2, people.weak, people.supervisor])).id;

  for (const agent of [people.good1, people.good2]) {
    for (let i = 0; i < 5; i++) await score(await handled(agent, 'good'));
  }
  for (let i = 0; i < 5; i++) {
    const id = await handled(people.weak, 'bad');
    weakConversations.push(id);
    await score(id);
  }
}, 120_000);
afterAll(() => t.close());

describe('scorecards', () => {
  it('aggregates per agent and flags the one far below the team', async () => {
    const res = await quality.get('/quality/scorecards?groupBy=agent');
    expect(res.status, res.text).toBe(200);
    expect(res.json.data).toHaveLength(3);
    const [weak, ...good] = res.json.data;
    expect(weak).toMatchObject({
      id: people.weak,
      name: 'Walt Weak',
      conversations: 5,
      outlier: true,
      teamId,
    });
    expect(weak.teamAverage).toBeGreaterThan(weak.averages.overall + 15);
    expect(weak.roadMix['1'] + weak.roadMix['2'] + weak.roadMix['3'] + weak.roadMix['4']).toBe(5);
    expect(weak.roadMix['4']).toBe(5);
    expect(weak.flagCounts.redirectAndClose).toBe(5);
    expect(weak.worst).toHaveLength(3);
    expect(weak.worst[0].evidence.length).toBeGreaterThan(0);
    expect(weakConversations).toContain(weak.worst[0].conversationId);
    for (const card of good) {
      expect(card).toMatchObject({ conversations: 5, outlier: false });
      expect(card.averages.overall).toBeGreaterThan(weak.averages.overall);
    }
  });

  it('aggregates per team', async () => {
    const res = await quality.get('/quality/scorecards?groupBy=team');
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual([
      expect.objectContaining({ id: teamId, name: 'Broadband', conversations: 15 }),
    ]);
    expect(res.json.data[0].outlier).toBeUndefined();
  });

  it('reads only the period asked for', async () => {
    const res = await quality.get(`/quality/scorecards?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z`);
    expect(res.json.data).toEqual([]);
    const backwards = await quality.get(
      `/quality/scorecards?from=2020-02-01T00:00:00Z&to=2020-01-01T00:00:00Z`,
    );
    expect(backwards.status).toBe(400);
  });

  it('creates exactly one coaching task, for the team supervisor, with the worst conversations', async () => {
    await score(weakConversations[0]!);
    const res = await quality.get('/quality/coaching-tasks?status=open');
    expect(res.status, res.text).toBe(200);
    expect(res.json.data).toHaveLength(1);
    const [task] = res.json.data;
    expect(task).toMatchObject({
      agentId: people.weak,
      teamId,
      assigneeId: people.supervisor,
      status: 'open',
      completedAt: null,
    });
    expect(task.conversationIds).toHaveLength(3);
    for (const id of task.conversationIds) expect(weakConversations).toContain(id);
    expect(task.reason).toMatch(/below the team/);
    expect(Date.parse(task.dueAt)).toBeGreaterThan(Date.now());

    const done = await quality.patch(`/quality/coaching-tasks/${task.id}`, { status: 'done' });
    expect(done.status, done.text).toBe(200);
    expect(done.json.completedAt).not.toBeNull();
    // Evidence already coached on does not raise the task again.
    await score(await handled(people.weak, 'bad'));
    expect((await quality.get('/quality/coaching-tasks?status=open')).json.data).toEqual([]);
    expect((await quality.get('/quality/coaching-tasks')).json.data).toHaveLength(1);
  });

  it('validates coaching task changes', async () => {
    const [task] = (await quality.get('/quality/coaching-tasks')).json.data;
    expect((await quality.patch(`/quality/coaching-tasks/${task.id}`, { status: 'archived' })).status).toBe(
      400,
    );
    const missing = await quality.patch(`/quality/coaching-tasks/${crypto.randomUUID()}`, { status: 'done' });
    expect(missing.status).toBe(404);
    expect(missing.json.code).toBe('COACHING_TASK_NOT_FOUND');
  });
});
