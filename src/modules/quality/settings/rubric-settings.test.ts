import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { messages } from '../../conversations/schema.js';
import { helpDesk } from '../../../../test/support/help-desk.js';

let t: TestApp;
let desk: ReturnType<typeof helpDesk>;
let api: ReturnType<TestApp['as']>;
let quality: ReturnType<TestApp['as']>;
let asQuality: TestApp['as'];

beforeAll(async () => {
  t = await createTestApp();
  const ws = await t.workspace('Rubric');
  api = t.as(ws.apiKey);
  desk = helpDesk(api);
  asQuality = t.as;
  quality = asQuality(ws.apiKey);
});
afterAll(() => t.close());

describe('rubric settings', () => {
  it('starts from the defaults', async () => {
    const res = await quality.get('/quality/rubric');
    expect(res.status, res.text).toBe(200);
    expect(res.json.rubric).toMatchObject({
      longHoldSeconds: 300,
      outlier: { minConversations: 5, pointsBelowTeam: 15, standardDeviations: 2 },
    });
    expect(res.json.overrides).toEqual({});
    expect(res.json.updatedAt).toBeNull();
  });

  it('changes what counts as a long hold for the next score', async () => {
    const conv = await desk.conversation({
      customerId: (await desk.customer()).id,
      text: 'Hello, my order has not arrived yet.',
    });
    // The customer wrote four minutes before the agent answered.
    await t.handle.db
      .update(messages)
      .set({ createdAt: new Date(Date.now() - 240_000) })
      .where(eq(messages.conversationId, conv.id));
    await desk.say(conv.id, 'agent', 'Thanks for waiting. Your parcel is out for delivery today.');

    const before = await quality.post(`/conversations/${conv.id}/quality`);
    expect(before.status, before.text).toBe(200);
    expect(before.json.flags.longHold).toBe(false);

    const put = await quality.put('/quality/rubric', {
      longHoldSeconds: 120,
      outlier: { pointsBelowTeam: 20 },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.json.rubric.longHoldSeconds).toBe(120);
    expect(put.json.rubric.outlier).toMatchObject({ pointsBelowTeam: 20, minConversations: 5 });
    expect(put.json.overrides).toEqual({ longHoldSeconds: 120, outlier: { pointsBelowTeam: 20 } });

    const after = await quality.post(`/conversations/${conv.id}/quality`);
    expect(after.json.flags.longHold).toBe(true);
    expect(after.json.reasons.join(' ')).toMatch(/hold/i);
    expect(after.json.overall).toBeLessThan(before.json.overall);

    // Leaving a field out of the next PUT returns it to the default.
    const reset = await quality.put('/quality/rubric', {});
    expect(reset.json.rubric.longHoldSeconds).toBe(300);
  });

  it('rejects unknown and out-of-range fields, naming each', async () => {
    const res = await quality.put('/quality/rubric', {
      longHoldSeconds: 5,
      weights: { empathy: 0.5, kindness: 1 },
      colour: 'blue',
    });
    expect(res.status).toBe(400);
    const names = res.json.invalid_params.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['longHoldSeconds', 'weights.kindness', 'colour']));
    const zero = await quality.put('/quality/rubric', {
      weights: { empathy: 0, listening: 0, apologyFit: 0, repeatAsk: 0, clarity: 0 },
    });
    expect(zero.status).toBe(400);
  });

  it('lets only those who manage quality change it', async () => {
    const key = await api.post('/api-keys', { name: 'agent', role: 'agent' });
    const agent = asQuality(key.json.key);
    expect((await agent.get('/quality/rubric')).status).toBe(200);
    const res = await agent.put('/quality/rubric', { longHoldSeconds: 600 });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('FORBIDDEN');
  });
});
