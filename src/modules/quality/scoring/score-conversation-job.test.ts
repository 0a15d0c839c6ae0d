import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualityScores } from '../schema.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { helpDesk } from '../../../../test/support/help-desk.js';
import { nextEvent } from '../../../../test/support/next-event.js';

let t: TestApp;
let desk: ReturnType<typeof helpDesk>;
let quality: ReturnType<TestApp['as']>;

beforeAll(async () => {
  // The real path: the status change writes its event to the outbox, the dispatcher runs the
  // quality listener, which queues the job a worker runs, whose score is a committed event too.
  t = await createTestApp({ workers: true });
  const ws = await t.workspace('Scoring');
  desk = helpDesk(t.as(ws.apiKey));
  quality = t.as(ws.apiKey);
}, 60_000);

afterAll(async () => {
  await t?.close();
}, 60_000);

describe('scoring a finished conversation', () => {
  it('scores in the background once resolved, flagging a repeat-ask after verification', async () => {
    const customer = await desk.customer();
    const conv = await desk.conversation({
      customerId: customer.id,
      text: 'My internet keeps dropping every evening and I work from home.',
    });
    await desk.say(conv.id, 'agent', "I'm sorry about that, let me take a look.");
    await desk.verify(conv.id);
    await desk.say(conv.id, 'agent', 'Can you give me your account number?');
    await desk.say(conv.id, 'customer', 'I just went through security with you!');
    await desk.say(conv.id, 'agent', "I've reset your line, so it should stay stable now.");
    await desk.say(conv.id, 'customer', 'Great, it works now, thank you.');

    expect((await quality.get(`/conversations/${conv.id}/quality`)).json.code).toBe('QUALITY_NOT_SCORED');
    const scored = nextEvent(
      t.deps.events,
      'conversation.scored',
      (e) => e.data.conversationId === conv.id,
      20_000,
    );
    await desk.status(conv.id, 'resolved');
    const event = await scored;
    expect(event.data).toMatchObject({
      conversationId: conv.id,
      road: expect.any(Number),
      overall: expect.any(Number),
    });

    const stored = await quality.get(`/conversations/${conv.id}/quality`);
    expect(stored.status, stored.text).toBe(200);
    expect(stored.json.flags.repeatAsk).toBe(true);
    const repeat = stored.json.evidence.find((e: { criterion: string }) => e.criterion === 'repeatAsk');
    expect(repeat).toMatchObject({ turn: 2, quote: expect.stringMatching(/account number/) });
    expect(stored.json.scores.repeatAsk).toBeLessThan(100);
    expect(stored.json).toMatchObject({
      conversationId: conv.id,
      channel: 'chat',
      engineVersion: expect.any(String),
    });
  }, 40_000);

  it('scores again on demand and keeps one row per conversation', async () => {
    const conv = await desk.conversation({
      customerId: (await desk.customer()).id,
      text: 'How do I change my billing date?',
    });
    await desk.say(
      conv.id,
      'agent',
      'You can change it under Settings, then Billing. I have moved it to the 15th for you.',
    );
    const first = await quality.post(`/conversations/${conv.id}/quality`);
    expect(first.status, first.text).toBe(200);
    const again = await quality.post(`/conversations/${conv.id}/quality`);
    expect(again.status).toBe(200);
    expect(Date.parse(again.json.scoredAt)).toBeGreaterThanOrEqual(Date.parse(first.json.scoredAt));
    const rows = await t.handle.db
      .select()
      .from(qualityScores)
      .where(eq(qualityScores.conversationId, conv.id));
    expect(rows).toHaveLength(1);
  });
});
