import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { inWorkspace } from '../../../platform/tenancy/scope.js';
import { buildTranscript, type ConversationFacts } from './build-transcript.js';
import { loadTranscript } from './load-transcript.js';
import { replyWaits } from './reply-waits.js';
import { helpDesk } from '../../../../test/support/help-desk.js';

let t: TestApp;
let workspaceId: string;
let desk: ReturnType<typeof helpDesk>;
let api: ReturnType<TestApp['as']>;

beforeAll(async () => {
  t = await createTestApp();
  const ws = await t.workspace('Transcripts');
  workspaceId = ws.workspaceId;
  api = t.as(ws.apiKey);
  desk = helpDesk(api);
});
afterAll(() => t.close());

const system = () => ({
  workspaceId,
  actor: { type: 'system' as const, role: 'owner' as const, userId: null },
});

describe('transcript from a conversation', () => {
  it('keeps what the customer saw, turns the timeline into events and carries known identities', async () => {
    const customer = await desk.customer([
      { type: 'email', value: 'dana@example.com' },
      { type: 'account', value: 'AC-778812' },
      { type: 'phone', value: '+44 20 7946 0958' },
    ]);
    const conv = await desk.conversation({
      customerId: customer.id,
      text: 'My router keeps dropping the connection',
    });
    await desk.say(conv.id, 'agent', 'I am sorry to hear that. Let me check your line.');
    await desk.say(conv.id, 'agent', 'Customer sounds annoyed; line test pending', true);
    await desk.verify(conv.id, 'security_questions');
    const team = await api.post('/teams', { name: 'Network' });
    const moved = await api.post(`/conversations/${conv.id}/transfer`, {
      teamId: team.json.id,
      note: 'Verified; router drops nightly',
    });
    expect(moved.status).toBe(200);
    await desk.say(conv.id, 'agent', 'I have reset your line; it should hold now.');
    await desk.say(conv.id, 'customer', 'Works now, thanks');
    await desk.status(conv.id, 'resolved');

    const { transcript } = await inWorkspace(t.deps, system(), (ctx) => loadTranscript(ctx, conv.id));
    expect(transcript.turns.map((turn) => turn.role)).toEqual(['customer', 'agent', 'agent', 'customer']);
    expect(transcript.turns.some((turn) => turn.text.includes('line test pending'))).toBe(false);
    expect(transcript.turns[1]!.agent).toEqual(expect.any(String));
    expect(
      transcript.turns.every((turn) => typeof turn.at === 'string' && !Number.isNaN(Date.parse(turn.at))),
    ).toBe(true);

    const events = transcript.events!.map((e) => ({ type: e.type, afterTurn: e.afterTurn }));
    expect(events).toEqual([
      { type: 'verified', afterTurn: 1 },
      { type: 'transfer', afterTurn: 1 },
      { type: 'resolved', afterTurn: 3 },
    ]);
    expect(transcript.events!.find((e) => e.type === 'transfer')).toMatchObject({
      note: 'Verified; router drops nightly',
      warm: true,
    });
    expect(transcript.events!.find((e) => e.type === 'verified')).toMatchObject({
      method: 'security_questions',
    });

    expect(transcript.customer).toMatchObject({ name: 'Dana Reyes', verified: false });
    expect(transcript.customer!.known).toMatchObject({ email: 'dana@example.com', account: 'AC-778812' });
    expect(transcript.customer!.known!.phone).toMatch(/7946/);

    // A reply drafted now comes after the check, so the customer counts as verified for it.
    const draft = await inWorkspace(t.deps, system(), (ctx) => loadTranscript(ctx, conv.id, 'draft'));
    expect(draft.transcript.customer!.verified).toBe(true);
  });

  it("answers 404 for another workspace's conversation", async () => {
    const other = await t.workspace('Elsewhere');
    const theirs = helpDesk(t.as(other.apiKey));
    const conv = await theirs.conversation({ customerId: (await theirs.customer()).id, text: 'private' });
    await expect(inWorkspace(t.deps, system(), (ctx) => loadTranscript(ctx, conv.id))).rejects.toMatchObject({
      code: 'CONVERSATION_NOT_FOUND',
    });
  });
});

describe('waiting for a reply', () => {
  const at = (seconds: number) => new Date(Date.UTC(2025, 0, 1, 9) + seconds * 1000);
  const facts = (channel: ConversationFacts['channel']): ConversationFacts => ({
    id: 'c-1',
    channel,
    verification: null,
    customer: { name: 'Dana', identities: [] },
    messages: [
      {
        role: 'customer',
        text: 'Hello, is anyone there?',
        internal: false,
        authorId: null,
        createdAt: at(0),
      },
      { role: 'customer', text: 'Still waiting', internal: false, authorId: null, createdAt: at(200) },
      { role: 'agent', text: 'Looking now', internal: true, authorId: 'u-1', createdAt: at(250) },
      {
        role: 'agent',
        text: 'Sorry for the wait, I am here.',
        internal: false,
        authorId: 'u-1',
        createdAt: at(420),
      },
      { role: 'customer', text: 'Thanks', internal: false, authorId: null, createdAt: at(430) },
      { role: 'agent', text: 'How can I help?', internal: false, authorId: 'u-1', createdAt: at(445) },
    ],
    timeline: [],
  });

  it('counts a live-channel wait from the first unanswered message to the reply', () => {
    const holds = buildTranscript(facts('chat')).events!.filter((e) => e.type === 'hold');
    expect(holds).toEqual([{ type: 'hold', afterTurn: 1, durationSeconds: 420, at: at(0).toISOString() }]);
  });

  it('leaves email alone: a reply within hours is normal there', () => {
    expect(buildTranscript(facts('email')).events!.filter((e) => e.type === 'hold')).toEqual([]);
  });

  it('places broken promises when they broke: a callback as callback_missed, any other as promise_broken', () => {
    const events = buildTranscript({
      ...facts('email'),
      brokenPromises: [
        { type: 'callback', reference: 'C4F7H2K', terms: 'Call back about the refund', brokenAt: at(300) },
        { type: 'quote', reference: 'Q7K2M9P', terms: '10% off renewal', brokenAt: at(500) },
      ],
    }).events!;
    expect(events).toEqual([
      {
        type: 'callback_missed',
        at: at(300).toISOString(),
        afterTurn: 1,
        note: 'callback C4F7H2K: Call back about the refund',
      },
      {
        type: 'promise_broken',
        at: at(500).toISOString(),
        afterTurn: 4,
        note: 'quote Q7K2M9P: 10% off renewal',
      },
    ]);
  });

  it('ignores gaps under a minute', () => {
    expect(
      replyWaits([
        { role: 'customer', atMs: 0 },
        { role: 'agent', atMs: 59_000 },
      ]),
    ).toEqual([]);
  });
});
