import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { recordWait } from './rollup.js';
import { routingDesk } from './test-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close(), 60_000);

const today = () => new Date().toISOString().slice(0, 10);

describe('time to first human', () => {
  it('reports count, percentiles, the share within target and abandoned waits from the rollup', async () => {
    const d = await routingDesk(t, { agents: 1 });
    const at = new Date('2026-03-10T12:00:00Z');
    // Ten answered waits: 5, 8, 15, 25, 40, 55, 70, 100, 250, 700 seconds; two with no human.
    const waits = [5, 8, 15, 25, 40, 55, 70, 100, 250, 700, null, null];
    await d.scoped(async (ctx) => {
      for (const seconds of waits) await recordWait(ctx, { at, teamId: d.teamId, channel: 'chat', seconds });
      // Another channel and another day, to show the filters work.
      await recordWait(ctx, { at, teamId: d.teamId, channel: 'email', seconds: 3000 });
      await recordWait(ctx, {
        at: new Date('2026-03-12T09:00:00Z'),
        teamId: d.teamId,
        channel: 'chat',
        seconds: 9,
      });
    });
    const report = async (query: string) => {
      const res = await d.api.get(`/reports/time-to-first-human?${query}`);
      expect(res.status, res.text).toBe(200);
      return res.json;
    };
    expect(await report(`from=2026-03-10&to=2026-03-10&teamId=${d.teamId}&channel=chat`)).toEqual({
      count: 10,
      // The 5th of 10 falls in the (30, 45] bucket, the 9th in (180, 300]: read at the bucket's upper bound.
      p50Seconds: 45,
      p90Seconds: 300,
      withinTargetShare: 0.6,
      targetSeconds: 60,
      abandoned: 2,
    });
    expect(await report(`from=2026-03-10&to=2026-03-10&channel=chat&targetSeconds=120`)).toMatchObject({
      withinTargetShare: 0.8,
      targetSeconds: 120,
    });
    expect(await report(`from=2026-03-10&to=2026-03-12`)).toMatchObject({ count: 12, abandoned: 2 });
    expect(await report(`from=2026-03-11&to=2026-03-11`)).toEqual({
      count: 0,
      p50Seconds: null,
      p90Seconds: null,
      withinTargetShare: null,
      targetSeconds: 60,
      abandoned: 0,
    });
  });

  it('measures from the customer to the first public reply of a person; notes never count, a wait closed without a human is abandoned', async () => {
    const d = await routingDesk(t, { agents: 1 });
    const query = `from=${today()}&to=${today()}&teamId=${d.teamId}`;
    const answered = await d.wait();
    await d.desk.say(answered, 'agent', 'Looking into it', true); // an internal note
    expect((await d.api.get(`/reports/time-to-first-human?${query}`)).json).toMatchObject({ count: 0 });
    await d.desk.say(answered, 'agent', 'Hello! I can help.');
    await d.desk.say(answered, 'agent', 'A second reply does not count again.');
    const abandoned = await d.wait();
    await d.desk.status(abandoned, 'closed');
    await d.desk.status(abandoned, 'open');
    await d.desk.status(abandoned, 'closed'); // closed twice: abandoned once
    // An agent's own outreach was never a customer waiting.
    await d.api.post('/conversations', {
      customerId: d.customerId,
      channel: 'email',
      teamId: d.teamId,
      message: { text: 'Your order shipped', role: 'agent' },
    });
    const report = (await d.api.get(`/reports/time-to-first-human?${query}`)).json;
    expect(report).toMatchObject({ count: 1, abandoned: 1, withinTargetShare: 1, p50Seconds: 10 });
  });

  it("never stops the clock on a bot's or an automation key's reply", async () => {
    const d = await routingDesk(t, { agents: 1 });
    const query = `from=${today()}&to=${today()}&teamId=${d.teamId}`;
    const waiting = await d.wait();
    const key = await d.api.post('/api-keys', { name: 'Triage bot', role: 'agent', kind: 'automation' });
    const automation = t.as(key.json.key);
    const automated = await automation.post(`/conversations/${waiting}/messages`, {
      role: 'agent',
      text: 'Thanks! A person will be with you shortly.',
    });
    expect(automated.status, automated.text).toBe(201);
    await d.desk.say(waiting, 'bot', 'Meanwhile, have you tried restarting it?');
    expect((await d.api.get(`/reports/time-to-first-human?${query}`)).json).toMatchObject({ count: 0 });
    await d.desk.say(waiting, 'agent', 'Hello, I am here.');
    expect((await d.api.get(`/reports/time-to-first-human?${query}`)).json).toMatchObject({ count: 1 });
  });

  it('refuses bad queries and is not open to agents', async () => {
    const d = await routingDesk(t, { agents: 1 });
    const bad = async (query: string, field: string) => {
      const res = await d.api.get(`/reports/time-to-first-human?${query}`);
      expect(res.status, res.text).toBe(400);
      expect(res.json.invalid_params.map((p: { name: string }) => p.name)).toContain(`query.${field}`);
    };
    await bad('from=2026-03-10&to=2026-03-01', 'from');
    await bad('from=2026-03-10', 'to');
    await bad('from=2026-03-10&to=2026-03-11&targetSeconds=61', 'targetSeconds');
    await bad('from=2026-03-10&to=2026-03-11&channel=fax', 'channel');
    await bad('from=2026-03-10&to=2026-03-11&teamId=nope', 'teamId');
    const key = await d.api.post('/api-keys', { name: 'Agent desk', role: 'agent' });
    const agent = t.as(key.json.key);
    expect((await agent.get('/reports/time-to-first-human?from=2026-03-10&to=2026-03-11')).status).toBe(403);
  });
});
