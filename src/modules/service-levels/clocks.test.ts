import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { addChannelMessage } from '../conversations/index.js';
import { sweepClocks } from './sweep-clocks-job.js';
import { eventsOf, seconds, slaDesk } from './test-fixtures.js';
import { addWorkingTime, type Calendar } from './working-time.js';

let t: TestApp;
let d: Awaited<ReturnType<typeof slaDesk>>;
let fallback: { id: string };

const hour = 3600;
const later = (s: number) => new Date(Date.now() + s * 1000);

beforeAll(async () => {
  t = await createTestApp({ workers: true });
  d = await slaDesk(t, 'Clocks');
  // The workspace's default: every conversation, clock time.
  fallback = await d.policy({
    name: 'Everyone',
    targets: { firstHumanResponseSeconds: hour, nextResponseSeconds: 1800, resolutionSeconds: 24 * hour },
  });
}, 60_000);
afterAll(async () => t?.close(), 60_000);

describe('a conversation’s clocks', () => {
  it('starts first response and resolution when a customer writes; only a human reply meets it', async () => {
    const id = await d.open();
    const sla = await d.sla(id);
    expect(sla!.policyId).toBe(fallback.id);
    const first = sla!.targets.find((x) => x.kind === 'firstHumanResponse')!;
    expect(first.status).toBe('active');
    expect(seconds(first.startedAt, first.dueAt!)).toBe(hour);
    expect(seconds(first.startedAt, sla!.targets.find((x) => x.kind === 'resolution')!.dueAt!)).toBe(
      24 * hour,
    );
    expect(sla!.targets.map((x) => x.kind)).toEqual(['firstHumanResponse', 'resolution']);

    // An internal note and an automatic message (an out-of-office) answer nobody.
    await d.desk.say(id, 'agent', 'Looking into it', true);
    await d.scoped((ctx) =>
      addChannelMessage(ctx, id, { role: 'system', text: 'I am away', channelData: { autoReply: true } }),
    );
    await d.settle();
    expect((await d.target(id, 'firstHumanResponse'))!.status).toBe('active');

    await d.desk.say(id, 'agent', 'Hi! Happy to help.');
    await d.settle();
    expect((await d.target(id, 'firstHumanResponse'))!.status).toBe('met');
    expect(await eventsOf(t, 'sla.met', id)).toEqual([
      expect.objectContaining({ kind: 'firstHumanResponse', policyId: fallback.id }),
    ]);

    // The customer writes twice: one next-response clock, from the first; a reply meets it.
    await d.desk.say(id, 'customer', 'Thanks. One more thing');
    await d.desk.say(id, 'customer', 'hello?');
    await d.settle();
    const next = (await d.target(id, 'nextResponse'))!;
    expect(next.status).toBe('active');
    expect(seconds(next.startedAt, next.dueAt!)).toBe(1800);
    await d.desk.say(id, 'agent', 'Here you go');
    await d.settle();
    expect((await d.target(id, 'nextResponse'))!.status).toBe('met');
    expect((await eventsOf(t, 'sla.met', id)).map((e) => e.kind)).toEqual([
      'firstHumanResponse',
      'nextResponse',
    ]);
  });

  it('pauses every clock while waiting on the customer, and a customer message restarts them', async () => {
    const id = await d.open();
    await d.desk.status(id, 'waiting_on_customer');
    await d.settle();
    const paused = (await d.sla(id))!.targets;
    expect(paused.map((x) => [x.kind, x.status, x.dueAt])).toEqual([
      ['firstHumanResponse', 'paused', null],
      ['resolution', 'paused', null],
    ]);
    const left = paused[0]!.remainingSeconds!;
    expect(left).toBeGreaterThan(hour - 60);
    expect(left).toBeLessThanOrEqual(hour);

    // Long past every due time, nothing breaches while paused.
    await sweepClocks(t.deps, later(30 * 24 * hour));
    expect(await eventsOf(t, 'sla.breached', id)).toEqual([]);
    expect((await d.sla(id))!.targets.map((x) => x.status)).toEqual(['paused', 'paused']);

    const before = Date.now();
    await d.desk.say(id, 'customer', 'Here is the photo you asked for');
    await d.settle();
    const resumed = (await d.target(id, 'firstHumanResponse'))!;
    expect(resumed.status).toBe('active');
    // What was left when it paused, from the customer's message.
    const dueIn = (Date.parse(resumed.dueAt!) - before) / 1000;
    expect(dueIn).toBeGreaterThanOrEqual(left - 1);
    expect(dueIn).toBeLessThanOrEqual(left + 5);

    // Pending pauses too; "open" again restarts.
    await d.desk.status(id, 'pending');
    await d.settle();
    expect((await d.target(id, 'resolution'))!.status).toBe('paused');
    await d.desk.status(id, 'open');
    await d.settle();
    expect((await d.target(id, 'resolution'))!.status).toBe('active');
  });

  it('meets resolution and stops the response clocks on resolving; a reopening starts them again', async () => {
    const id = await d.open();
    await d.desk.status(id, 'resolved');
    await d.settle();
    const done = (await d.sla(id))!;
    // The unanswered first response is stopped, not met, and no longer shown.
    expect(done.targets.map((x) => [x.kind, x.status])).toEqual([['resolution', 'met']]);

    await d.desk.say(id, 'customer', 'It broke again');
    await d.settle();
    const again = (await d.sla(id))!;
    expect(again.targets.map((x) => [x.kind, x.status])).toEqual([
      ['firstHumanResponse', 'active'],
      ['resolution', 'active'],
    ]);
    expect(Date.parse(again.targets[1]!.startedAt)).toBeGreaterThan(Date.parse(done.targets[0]!.startedAt));
  });

  it('warns at 80% and breaches at the due time, once, from the sweep', async () => {
    const id = await d.open();
    const due = (await d.target(id, 'firstHumanResponse'))!.dueAt!;
    const start = (await d.target(id, 'firstHumanResponse'))!.startedAt;
    const at = (share: number) => new Date(Date.parse(start) + share * hour * 1000);

    await sweepClocks(t.deps, at(0.7));
    expect(await eventsOf(t, 'sla.warning', id)).toEqual([]);
    await sweepClocks(t.deps, at(0.81));
    await sweepClocks(t.deps, at(0.85));
    expect(await eventsOf(t, 'sla.warning', id)).toEqual([
      expect.objectContaining({ kind: 'firstHumanResponse', dueAt: due }),
    ]);
    await sweepClocks(t.deps, at(1.01));
    await sweepClocks(t.deps, at(1.02));
    expect(await eventsOf(t, 'sla.breached', id)).toEqual([
      expect.objectContaining({ kind: 'firstHumanResponse', dueAt: due, policyId: fallback.id }),
    ]);
    expect((await d.target(id, 'firstHumanResponse'))!.status).toBe('breached');

    // A late reply does not turn a breach into a success.
    await d.desk.say(id, 'agent', 'Sorry for the wait');
    await d.settle();
    expect((await d.target(id, 'firstHumanResponse'))!.status).toBe('breached');
    expect(await eventsOf(t, 'sla.met', id)).toEqual([]);
  });

  it('chooses the most specific policy, and again when the team changes', async () => {
    const team = await d.desk.team(`Billing ${Date.now()}`, []);
    const chat = await d.policy({
      name: 'Chat',
      appliesTo: { channel: 'chat' },
      targets: { resolutionSeconds: 7200 },
    });
    const billing = await d.policy({
      name: 'Billing',
      appliesTo: { teamId: team.id },
      targets: { firstHumanResponseSeconds: 120, resolutionSeconds: 4 * hour },
    });
    try {
      const email = await d.open({ channel: 'email' });
      expect((await d.sla(email))!.policyId).toBe(fallback.id);
      const chatting = await d.open();
      expect((await d.sla(chatting))!.policyId).toBe(chat.id);
      // The chat policy asks for no first response.
      expect((await d.sla(chatting))!.targets.map((x) => x.kind)).toEqual(['resolution']);
      const billed = await d.open({ teamId: team.id });
      expect((await d.sla(billed))!.policyId).toBe(billing.id);

      // Transferred into billing: its clocks take billing's seconds from where they started.
      const moved = await d.transfer(chatting, team.id);
      const sla = (await d.sla(moved))!;
      expect(sla.policyId).toBe(billing.id);
      const resolution = sla.targets.find((x) => x.kind === 'resolution')!;
      expect(seconds(resolution.startedAt, resolution.dueAt!)).toBe(4 * hour);
      // The first response billing asks for starts now: nobody has answered yet.
      const first = sla.targets.find((x) => x.kind === 'firstHumanResponse')!;
      expect(seconds(first.startedAt, first.dueAt!)).toBe(120);
    } finally {
      await d.api.delete(`/sla-policies/${chat.id}`);
      await d.api.delete(`/sla-policies/${billing.id}`);
    }
  });

  it('chooses the policy again when the priority changes', async () => {
    const urgent = await d.policy({
      name: 'Urgent',
      appliesTo: { priority: 'urgent' },
      targets: { firstHumanResponseSeconds: 300, resolutionSeconds: 2 * hour },
    });
    try {
      const id = await d.open();
      expect((await d.sla(id))!.policyId).toBe(fallback.id);
      const raised = await d.api.post(`/conversations/${id}/priority`, { priority: 'urgent' });
      expect(raised.status, raised.text).toBe(200);
      await d.settle();
      const sla = (await d.sla(id))!;
      expect(sla.policyId).toBe(urgent.id);
      const first = sla.targets.find((x) => x.kind === 'firstHumanResponse')!;
      expect(seconds(first.startedAt, first.dueAt!)).toBe(300);
      const resolution = sla.targets.find((x) => x.kind === 'resolution')!;
      expect(seconds(resolution.startedAt, resolution.dueAt!)).toBe(2 * hour);

      // Back to normal: the general policy again.
      await d.api.post(`/conversations/${id}/priority`, { priority: 'normal' });
      await d.settle();
      expect((await d.sla(id))!.policyId).toBe(fallback.id);
    } finally {
      await d.api.delete(`/sla-policies/${urgent.id}`);
    }
  });

  it('counts working time in the policy’s calendar', async () => {
    const calendar = await d.calendar({ timezone: 'America/New_York', hours: officeHoursWithLunch });
    const team = await d.desk.team(`Office ${Date.now()}`, []);
    const policy = await d.policy({
      name: 'Office hours',
      appliesTo: { teamId: team.id },
      targets: { firstHumanResponseSeconds: 2 * hour },
      calendarId: calendar.id,
    });
    const id = await d.open({ teamId: team.id });
    const first = (await d.target(id, 'firstHumanResponse'))!;
    const expected = addWorkingTime(calendar as unknown as Calendar, new Date(first.startedAt), 2 * hour);
    expect(first.dueAt).toBe(expected.toISOString());
    await d.api.delete(`/sla-policies/${policy.id}`);
  });

  it('lists what is breaching soon, and reports the share met per kind from the rollup', async () => {
    const id = await d.open();
    const soon = await d.api.get('/sla/breaching?withinSeconds=4000');
    expect(soon.status, soon.text).toBe(200);
    expect(soon.json.data).toContainEqual(
      expect.objectContaining({ conversationId: id, kind: 'firstHumanResponse' }),
    );
    const none = await d.api.get('/sla/breaching?withinSeconds=60');
    expect(none.json.data.map((x: { conversationId: string }) => x.conversationId)).not.toContain(id);
  });

  it('reports the share met per kind from the rollup kept as clocks end', async () => {
    const r = await slaDesk(t, 'Report');
    await r.policy({
      name: 'All',
      targets: { firstHumanResponseSeconds: hour, resolutionSeconds: 2 * hour },
    });
    const answered = await r.open();
    await r.desk.say(answered, 'agent', 'On it');
    await r.settle();
    await r.open();
    // Every running clock of every workspace is past due by then.
    await sweepClocks(t.deps, later(3 * hour));

    const from = new Date().toISOString().slice(0, 10);
    const to = later(48 * hour)
      .toISOString()
      .slice(0, 10);
    const report = await r.api.get(`/reports/sla?from=${from}&to=${to}`);
    expect(report.status, report.text).toBe(200);
    expect(report.json.targets).toEqual([
      { kind: 'firstHumanResponse', count: 2, met: 1, breached: 1, metShare: 0.5 },
      { kind: 'nextResponse', count: 0, met: 0, breached: 0, metShare: null },
      { kind: 'resolution', count: 2, met: 0, breached: 2, metShare: 0 },
    ]);
    const before = await r.api.get('/reports/sla?from=2000-01-01&to=2000-01-02');
    expect(before.json.targets.every((x: { count: number }) => x.count === 0)).toBe(true);
    expect((await r.api.get(`/reports/sla?from=${to}&to=2000-01-01`)).status).toBe(400);
  });
});

const officeHoursWithLunch = ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((day) => [
  { day, from: '09:00', to: '12:00' },
  { day, from: '13:00', to: '17:00' },
]);
