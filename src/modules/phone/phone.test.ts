import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpDesk } from '../../../test/support/help-desk.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { parseReference, referenceDigits } from '../promises/index.js';
import { dispatchTeams } from '../routing/index.js';
import { routingAgents } from '../routing/schema.js';
import { serviceLevelsModule } from '../service-levels/index.js';
import { eventOutbox } from '../../platform/events/outbox-table.js';
import { toDomainEvent } from '../../platform/events/to-domain-event.js';
import { inWorkspace, type WorkContext } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { findLineForUrl } from './find-line.js';
import { retryStuckRequests } from './retry-requests-job.js';
import { storeRequest } from './store-request.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close(), 60_000);

type Desk = Awaited<ReturnType<typeof newDesk>>;

const eventsAbout = (conversationId: string) =>
  t.handle.db
    .select()
    .from(eventOutbox)
    .where(sql`${eventOutbox.data}->>'conversationId' = ${conversationId}`)
    .orderBy(eventOutbox.id);

/** Delivers a conversation's events to the service levels' listeners, as a worker would. */
async function settle(conversationId: string) {
  for (const event of (await eventsAbout(conversationId)).map(toDomainEvent)) {
    for (const listener of serviceLevelsModule.listeners ?? []) {
      if (listener.on.includes(event.type))
        await listener.handle(event as never, { ...t.deps, jobs: undefined as never });
    }
  }
}

/** A workspace with an agent and a phone line; with `queue`, the line's calls wait in a team's queue. */
async function newDesk(options: { queue?: boolean; twilioAuthToken?: string } = {}) {
  const ws = await t.workspace();
  const api = t.as(ws.apiKey);
  const desk = helpDesk(api);
  const agent = await desk.member('agent', 'Alice Agent');
  const teamId = options.queue ? (await desk.team('Phones', [agent.id])).id : undefined;
  const created = await api.post('/channels/phone', {
    name: 'Support line',
    number: '+44 20 7946 0000',
    callbackOwnerId: agent.id,
    ...(teamId ? { teamId } : {}),
    ...(options.twilioAuthToken ? { twilioAuthToken: options.twilioAuthToken } : {}),
  });
  expect(created.status, created.text).toBe(201);
  const lineId = created.json.id as string;
  const secret = created.json.secret as string;
  const post = (body: unknown, bearer = secret, id = lineId) =>
    t.request('POST', `/channels/phone/${id}/events`, {
      body,
      headers: { authorization: `Bearer ${bearer}` },
    });
  const posted = async (body: unknown) => {
    const res = await post(body);
    expect(res.status, res.text).toBe(202);
    return res.json as {
      accepted: number;
      duplicates: number;
      calls: { conversationId: string; status: string }[];
    };
  };
  const conversation = async (id: string) => {
    const res = await api.get(`/conversations/${id}`);
    expect(res.status, res.text).toBe(200);
    return res.json;
  };
  const callEntries = async (conversationId: string, callId: string) =>
    (
      (await conversation(conversationId)).timeline as {
        type: string;
        at: string;
        data: Record<string, unknown>;
      }[]
    )
      .filter((e) => e.type === 'call' && e.data.callId === callId)
      .map(({ at, data }) => ({ at, data }));
  return {
    ...ws,
    api,
    desk,
    agentId: agent.id,
    teamId,
    lineId,
    secret,
    post,
    posted,
    conversation,
    callEntries,
  };
}

const at = (second: number) => new Date(Date.UTC(2026, 2, 10, 12, 0, second)).toISOString();

// A call: rings, keys an IVR choice, waits third in the queue, answered by an agent, a hold,
// a transfer with a note, the end.
function callEvents(d: Desk, callId: string, from: string) {
  const base = { callId, from, to: '+442079460000' };
  return [
    { ...base, type: 'started', at: at(0) },
    { ...base, type: 'ivr', at: at(5), digits: '2', note: 'Billing' },
    { ...base, type: 'queued', at: at(8), queue: 'Billing', position: 3 },
    { ...base, type: 'answered', at: at(40), agentId: d.agentId },
    { ...base, type: 'hold', at: at(60) },
    { ...base, type: 'unhold', at: at(90) },
    { ...base, type: 'transfer', at: at(100), note: 'Wants a refund on invoice 12', queue: 'Refunds' },
    { ...base, type: 'ended', at: at(200), cause: 'hangup' },
  ];
}

const shuffled = <T>(items: T[]) => {
  // A fixed permutation, so a failure can be replayed.
  const order = [3, 7, 0, 5, 1, 6, 2, 4];
  return order.map((i) => items[i]!);
};

describe('phone lines', () => {
  it('are created with an E.164 number and a secret, read, changed, rotated and deleted', async () => {
    const d = await newDesk();
    const line = await d.api.get(`/channels/phone/${d.lineId}`);
    expect(line.json).toMatchObject({ number: '+442079460000', name: 'Support line', secret: d.secret });
    expect(d.secret).toMatch(/^esp_[\w-]{32}$/);
    expect((await d.api.get('/channels/phone')).json.data.map((l: { id: string }) => l.id)).toEqual([
      d.lineId,
    ]);
    const rotated = await d.api.patch(`/channels/phone/${d.lineId}`, { rotateSecret: true, name: 'Main' });
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.json.secret).not.toBe(d.secret);
    expect(rotated.json.name).toBe('Main');
    // The old secret stops working at once.
    expect((await d.post({ callId: 'x', type: 'started', at: at(0), from: '+447700900001' })).status).toBe(
      401,
    );
    expect((await d.api.post('/channels/phone', { name: 'Bad', number: 'not a number' })).status).toBe(400);
    expect((await d.api.delete(`/channels/phone/${d.lineId}`)).status).toBe(204);
    expect((await d.api.get(`/channels/phone/${d.lineId}`)).status).toBe(404);
  });

  it('refuse a wrong bearer with 401 and store nothing; a line of one workspace cannot post into another', async () => {
    const a = await newDesk();
    const b = await newDesk();
    const event = { callId: 'c1', type: 'started', at: at(0), from: '+447700900002' };
    expect((await b.post(event, 'esp_wrong')).status).toBe(401);
    // A's own secret against B's line.
    expect((await a.post(event, a.secret, b.lineId)).status).toBe(401);
    expect((await b.api.get('/customers?identity=%2B447700900002')).json.data).toEqual([]);
    const stored = await t.deps.db.execute(
      `SELECT count(*)::int AS n FROM phone_requests WHERE line_id = '${b.lineId}'`,
    );
    expect((stored as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('keep a body that is not call events, and answer 400', async () => {
    const d = await newDesk();
    const res = await d.post({ callId: 'c', type: 'sneezed', at: at(0), from: '+447700900003' });
    expect(res.status).toBe(400);
    const stored = await t.deps.db.execute(
      `SELECT state, error FROM phone_requests WHERE line_id = '${d.lineId}'`,
    );
    expect((stored as unknown as { rows: { state: string }[] }).rows).toMatchObject([{ state: 'rejected' }]);
  });
});

describe('requests stored but not applied', () => {
  it('are applied by the sweep a minute later', async () => {
    const d = await newDesk();
    const line = (await findLineForUrl(t.deps.db, d.lineId))!;
    // As if the process died between storing the request and applying it.
    const event = { callId: 'late', type: 'started', at: at(0), from: '+447700900900' };
    const stored = await storeRequest(t.deps, line, {
      via: 'events',
      contentType: 'application/json',
      body: JSON.stringify(event),
    });
    expect(await retryStuckRequests(t.deps)).toMatchObject({ applied: 0 });
    const later = new Date(stored.receivedAt.getTime() + 90_000);
    expect(await retryStuckRequests(t.deps, later)).toMatchObject({ applied: 1 });
    expect((await d.api.get('/customers?identity=%2B447700900900')).json.data).toHaveLength(1);
    // Applied once: the next sweep finds nothing.
    expect(await retryStuckRequests(t.deps, later)).toMatchObject({ found: 0 });
  });
});

describe('call events', () => {
  it('give the same call and timeline whatever order they arrive in, and a second delivery adds nothing', async () => {
    const d = await newDesk();
    const outcomes = [];
    for (const [i, arrange] of [
      (e: unknown[]) => e,
      (e: unknown[]) => [...e].reverse(),
      shuffled,
    ].entries()) {
      const from = `+44770090010${i}`;
      const events = arrange(callEvents(d, `order-${i}`, from));
      let conversationId = '';
      // One request per event, as a telephony system sends them.
      for (const event of events) conversationId = (await d.posted(event)).calls[0]!.conversationId;
      const again = await d.posted(events);
      expect(again).toMatchObject({ accepted: 8, duplicates: 8 });
      const entries = (await d.callEntries(conversationId, `order-${i}`)).map(({ at, data }) => ({
        at,
        data: { ...data, callId: undefined, from: undefined } as Record<string, unknown>,
      }));
      outcomes.push({ status: again.calls.length ? 'changed' : 'unchanged', entries });
    }
    expect(outcomes[0]!.status).toBe('unchanged');
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[2]).toEqual(outcomes[0]);
    const entries = outcomes[0]!.entries;
    expect(entries.map((e) => e.data.event)).toEqual([
      'started',
      'ivr',
      'queued',
      'answered',
      'hold',
      'unhold',
      'transfer',
      'ended',
    ]);
    expect(entries[2]!.data).toMatchObject({ position: 3, queue: 'Billing' });
    expect(entries[3]!.data).toMatchObject({ agentId: d.agentId, human: true, firstHuman: true });
    expect(entries[4]!.data).toMatchObject({ durationSeconds: 30 });
    expect(entries[6]!.data).toMatchObject({ note: 'Wants a refund on invoice 12' });
    expect(entries[7]!.data).toMatchObject({ cause: 'hangup', durationSeconds: 200, reachedHuman: true });
  });

  it('find one customer whatever the number format, and a second call joins the open conversation', async () => {
    const d = await newDesk();
    const first = await d.posted({ callId: 'f1', type: 'started', at: at(0), from: '+44 20 7946 0958' });
    const second = await d.posted({ callId: 'f2', type: 'started', at: at(1), from: '020 7946 0958' });
    const third = await d.posted({ callId: 'f3', type: 'started', at: at(2), from: '0044 20 7946 0958' });
    const ids = [first, second, third].map((r) => r.calls[0]!.conversationId);
    expect(new Set(ids).size).toBe(1);
    const customers = (await d.api.get('/customers?identity=%2B442079460958')).json.data;
    expect(customers).toHaveLength(1);
    const conversation = await d.conversation(ids[0]!);
    expect(conversation.channel).toBe('phone');
    expect(conversation.customerId).toBe(customers[0].id);
  });

  it('join the customer’s open conversation on another channel, or reopen one resolved lately', async () => {
    const d = await newDesk();
    const customer = await d.desk.customer([{ type: 'phone', value: '+447700900200' }]);
    const email = await d.desk.conversation({
      customerId: customer.id,
      text: 'My invoice is wrong',
      channel: 'email',
    });
    const joined = await d.posted({ callId: 'j1', type: 'started', at: at(0), from: '07700 900200' });
    expect(joined.calls[0]!.conversationId).toBe(email.id);
    await d.desk.status(email.id, 'resolved');
    const reopened = await d.posted({ callId: 'j2', type: 'started', at: at(5), from: '+447700900200' });
    expect(reopened.calls[0]!.conversationId).toBe(email.id);
    expect((await d.conversation(email.id)).status).toBe('open');
  });

  it('verify the caller when the digits keyed in are their account number, not when they are wrong', async () => {
    const d = await newDesk();
    await d.desk.customer([
      { type: 'phone', value: '+447700900300' },
      { type: 'account', value: '55501234' },
    ]);
    const base = { type: 'ivr', from: '+447700900300' } as const;
    const wrong = await d.posted({ ...base, callId: 'v1', at: at(0), digits: '55509999' });
    const conversationId = wrong.calls[0]!.conversationId;
    expect((await d.conversation(conversationId)).verification).toBeNull();
    expect((await d.callEntries(conversationId, 'v1'))[0]!.data).toMatchObject({
      verified: false,
      digits: '…99',
    });
    await d.posted({ ...base, callId: 'v1', at: at(3), digits: '55501234' });
    const verified = await d.conversation(conversationId);
    expect(verified.verification).toMatchObject({ method: 'ivr' });
    // It travels with the conversation through a transfer.
    const other = await d.desk.member('agent', 'Bob');
    const moved = await d.api.post(`/conversations/${conversationId}/transfer`, {
      userId: other.id,
      note: 'over to you',
    });
    expect(moved.status, moved.text).toBe(200);
    expect((await d.conversation(conversationId)).verification).toMatchObject({ method: 'ivr' });
  });
});

describe('time to first human for calls', () => {
  it('runs from the start to the first member on the line; an IVR answer does not count; an abandoned call counts as no human', async () => {
    const d = await newDesk();
    const from = (n: number) => `+4477009004${n}0`;
    // Answered by the IVR at 2 s, by an agent at 45 s.
    await d.posted([
      { callId: 't1', type: 'started', at: at(0), from: from(1) },
      { callId: 't1', type: 'answered', at: at(2), from: from(1) },
      { callId: 't1', type: 'answered', at: at(45), from: from(1), agentId: d.agentId },
      { callId: 't1', type: 'ended', at: at(120), from: from(1) },
    ]);
    // Only the IVR, then the caller hung up: abandoned.
    await d.posted([
      { callId: 't2', type: 'started', at: at(0), from: from(2) },
      { callId: 't2', type: 'answered', at: at(1), from: from(2) },
      { callId: 't2', type: 'ended', at: at(30), from: from(2), cause: 'hangup' },
    ]);
    // The end arrives before the answer: counted once, as answered.
    await d.posted({ callId: 't3', type: 'ended', at: at(100), from: from(3) });
    await d.posted({ callId: 't3', type: 'started', at: at(0), from: from(3) });
    await d.posted({ callId: 't3', type: 'answered', at: at(20), from: from(3), agentId: d.agentId });
    const report = await d.api.get(
      '/reports/time-to-first-human?from=2026-03-10&to=2026-03-10&channel=phone',
    );
    expect(report.status, report.text).toBe(200);
    expect(report.json).toMatchObject({ count: 2, abandoned: 1, withinTargetShare: 1 });
    expect(
      (await d.api.get('/reports/time-to-first-human?from=2026-03-10&to=2026-03-10&channel=chat')).json,
    ).toMatchObject({ count: 0, abandoned: 0 });
  });
});

describe('callbacks and promises on a call', () => {
  it('a callback asked for on a call is a promise, and the conversation keeps its place in the queue', async () => {
    const d = await newDesk({ queue: true });
    const from = '+447700900500';
    const first = await d.posted({ callId: 'cb', type: 'queued', at: at(0), from, position: 4 });
    const id = first.calls[0]!.conversationId;
    const before = (await d.conversation(id)).routing;
    expect(before).toMatchObject({ state: 'queued', teamId: d.teamId });
    const window = {
      from: new Date(Date.now() + 3_600_000).toISOString(),
      to: new Date(Date.now() + 7_200_000).toISOString(),
    };
    const asking = { callId: 'cb', type: 'ivr', at: at(30), from, digits: '9', callback: { window } };
    await d.posted(asking);
    await d.posted({ callId: 'cb', type: 'ended', at: at(31), from, cause: 'callback' });
    const promises = (await d.api.get(`/promises?type=callback`)).json.data;
    expect(promises).toHaveLength(1);
    // Nobody had the call: the callback goes to whoever the line names for it.
    expect(promises[0]).toMatchObject({ conversationId: id, status: 'open', ownerId: d.agentId });
    expect((await d.conversation(id)).routing).toMatchObject({
      state: 'queued',
      enqueuedAt: before.enqueuedAt,
    });
    // Sent again, still one promise.
    expect(await d.posted(asking)).toMatchObject({ duplicates: 1 });
    expect((await d.api.get(`/promises?type=callback`)).json.data).toHaveLength(1);
  });

  it('a promise reference keyed in on a call takes the call to the promise’s conversation', async () => {
    const d = await newDesk();
    const customer = await d.desk.customer([{ type: 'email', value: 'quote@example.test' }]);
    const conversation = await d.desk.conversation({
      customerId: customer.id,
      text: 'Quote please',
      channel: 'email',
    });
    const promise = await d.api.post('/promises', {
      conversationId: conversation.id,
      type: 'quote',
      ownerId: d.agentId,
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      terms: 'Ten widgets for 100 EUR',
    });
    expect(promise.status, promise.text).toBe(201);
    const digits = referenceDigits(parseReference(promise.json.reference)!);
    // Another caller entirely: the reference decides.
    const res = await d.posted({ callId: 'p1', type: 'ivr', at: at(0), from: '+447700900600', digits });
    expect(res.calls[0]!.conversationId).toBe(conversation.id);
    expect((await d.callEntries(conversation.id, 'p1'))[0]!.data).toMatchObject({
      promiseReference: parseReference(promise.json.reference),
    });
    // A wrong check digit matches nothing.
    const typo = digits.slice(0, -1) + String((Number(digits.at(-1)) + 1) % 10);
    const other = await d.posted({
      callId: 'p2',
      type: 'ivr',
      at: at(0),
      from: '+447700900601',
      digits: typo,
    });
    expect(other.calls[0]!.conversationId).not.toBe(conversation.id);
  });
});

describe('call transcripts', () => {
  it('are scored with the call’s long hold and transfers', async () => {
    const d = await newDesk();
    const base = { callId: 'tr', from: '+447700900700' };
    const res = await d.posted([
      { ...base, type: 'started', at: at(0) },
      { ...base, type: 'answered', at: at(10), agentId: d.agentId },
      { ...base, type: 'hold', at: at(20) },
      { ...base, type: 'unhold', at: new Date(Date.parse(at(20)) + 600_000).toISOString() },
      {
        ...base,
        type: 'transfer',
        at: new Date(Date.parse(at(20)) + 610_000).toISOString(),
        note: 'Billing',
      },
      { ...base, type: 'transfer', at: new Date(Date.parse(at(20)) + 620_000).toISOString() },
      {
        ...base,
        type: 'transcript',
        at: new Date(Date.parse(at(20)) + 700_000).toISOString(),
        transcript: {
          segments: [
            { speaker: 'agent', text: 'Thanks for calling, how can I help?', start: 10 },
            { speaker: 'customer', text: 'My bill is wrong, I was charged twice.', start: 14 },
            { speaker: 'agent', text: 'I am sorry about that. Let me check and fix it for you.', start: 19 },
          ],
        },
      },
    ]);
    const id = res.calls[0]!.conversationId;
    // Not yet scored: the call has not ended.
    expect((await d.api.get(`/conversations/${id}/quality`)).status).toBe(404);
    await d.posted({ ...base, type: 'ended', at: new Date(Date.parse(at(20)) + 690_000).toISOString() });
    const score = await d.api.get(`/conversations/${id}/quality`);
    expect(score.status, score.text).toBe(200);
    expect(score.json.flags).toMatchObject({ longHold: true, multipleTransfers: true });
    const quoted = (score.json.evidence as { quote: string }[]).map((e) => e.quote).join(' | ');
    expect(quoted).toMatch(/charged twice|sorry about that|check and fix/);

    // Resolving scores the conversation again (the scoring job's path, run here on demand): the
    // call's words are judged with the messages, so its score is combined, never replaced by a
    // judgement of the messages alone.
    await d.desk.say(id, 'agent', 'As promised: the double charge is refunded, it shows within two days.');
    await d.desk.status(id, 'resolved');
    const rescored = await d.api.post(`/conversations/${id}/quality`, {});
    expect(rescored.status, rescored.text).toBe(200);
    expect(rescored.json.flags).toMatchObject({ longHold: true, multipleTransfers: true });
    const requoted = (rescored.json.evidence as { quote: string }[]).map((e) => e.quote).join(' | ');
    expect(requoted).toMatch(/charged twice|sorry about that|check and fix/);

    // The transcript sent again replaces that call's words, not adds to them.
    const [{ n }] = (
      (await t.deps.db.execute(
        `SELECT count(*)::int AS n FROM quality_call_turns WHERE conversation_id = '${id}'`,
      )) as unknown as { rows: { n: number }[] }
    ).rows as [{ n: number }];
    expect(n).toBe(1);
  });
});

describe('a call answered by a person', () => {
  it('is the conversation’s first human reply and meets the first-human-response target; an IVR answer is not', async () => {
    const d = await newDesk();
    const policy = await d.api.post('/sla-policies', {
      name: 'Calls',
      targets: { firstHumanResponseSeconds: 3600, resolutionSeconds: 86_400 },
    });
    expect(policy.status, policy.text).toBe(201);
    const now = () => new Date().toISOString();
    const human = { callId: 'h1', from: '+447700901000' };
    const started = await d.posted({ ...human, type: 'started', at: now() });
    const id = started.calls[0]!.conversationId;
    await settle(id);
    expect((await d.conversation(id)).firstHumanReplyAt).toBeNull();
    // The IVR picks up first: no human yet.
    await d.posted({ ...human, type: 'answered', at: now() });
    await settle(id);
    expect((await d.conversation(id)).firstHumanReplyAt).toBeNull();
    const answeredAt = now();
    await d.posted({ ...human, type: 'answered', at: answeredAt, agentId: d.agentId });
    await settle(id);
    const answered = await d.conversation(id);
    expect(Date.parse(answered.firstHumanReplyAt)).toBe(Date.parse(answeredAt));
    expect(
      (answered.sla.targets as { kind: string; status: string }[]).find(
        (x) => x.kind === 'firstHumanResponse',
      ),
    ).toMatchObject({ status: 'met' });
    // Sent again, nothing more is announced.
    await d.posted({ ...human, type: 'answered', at: answeredAt, agentId: d.agentId });
    const announced = (await eventsAbout(id)).filter((e) => e.type === 'conversation.human_answered');
    expect(announced).toHaveLength(1);

    // A call only a machine answered, then abandoned: the target is still running.
    const bot = { callId: 'h2', from: '+447700901001' };
    const other = (await d.posted({ ...bot, type: 'started', at: now() })).calls[0]!.conversationId;
    await d.posted([
      { ...bot, type: 'answered', at: now() },
      { ...bot, type: 'ended', at: now(), cause: 'hangup' },
    ]);
    await settle(other);
    const unanswered = await d.conversation(other);
    expect(unanswered.firstHumanReplyAt).toBeNull();
    expect(
      (unanswered.sla.targets as { kind: string; status: string }[]).find(
        (x) => x.kind === 'firstHumanResponse',
      ),
    ).toMatchObject({ status: 'active' });
  });
});

describe('an active call', () => {
  it('takes the agent’s whole phone capacity until it ends, and moves with a transfer', async () => {
    const ws = await t.workspace();
    const api = t.as(ws.apiKey);
    const desk = helpDesk(api);
    const [alice, bob] = [(await desk.member('agent', 'Alice')).id, (await desk.member('agent', 'Bob')).id];
    for (const id of [alice, bob]) {
      const capacity = { chat: 3, email: 5, phone: 2, social: 2 };
      expect((await api.patch(`/users/${id}`, { capacity })).status).toBe(200);
    }
    const team = await desk.team('Phones', [alice, bob]);
    expect((await api.patch(`/teams/${team.id}`, { autoAssign: true })).status).toBe(200);
    const scoped = <T>(work: (ctx: WorkContext) => Promise<T>) =>
      inWorkspace(t.deps, systemScope(ws.workspaceId), work);
    const r = {
      api,
      teamId: team.id,
      // What the routing listener would do on an event, run here without workers.
      dispatch: () => scoped((ctx) => dispatchTeams(ctx, [team.id])),
      loads: () => scoped((ctx) => ctx.tx.select().from(routingAgents)),
      presence: async (userId: string, status: string) =>
        expect((await api.put(`/users/${userId}/presence`, { status })).status).toBe(200),
      wait: async (text: string, channel: string) => {
        const customer = await desk.customer();
        return (await desk.conversation({ customerId: customer.id, teamId: team.id, text, channel })).id;
      },
      routing: async (id: string) => (await api.get(`/conversations/${id}`)).json.routing,
    };
    const line = await r.api.post('/channels/phone', {
      name: 'Queue line',
      number: '+44 20 7946 0001',
      teamId: r.teamId,
    });
    expect(line.status, line.text).toBe(201);
    const post = async (body: unknown) => {
      const res = await t.request('POST', `/channels/phone/${line.json.id}/events`, {
        body,
        headers: { authorization: `Bearer ${line.json.secret}` },
      });
      expect(res.status, res.text).toBe(202);
    };
    const onCalls = async () =>
      Object.fromEntries((await r.loads()).map((a) => [a.userId, { phone: a.phone, calls: a.calls }]));
    await r.presence(alice, 'online');
    const call = { callId: 'cap', from: '+447700902000' };
    await post([
      { ...call, type: 'started', at: at(0) },
      { ...call, type: 'answered', at: at(5), agentId: alice },
    ]);
    // The call's own conversation is Alice's: one phone conversation of two, and she is on the line.
    expect((await onCalls())[alice]).toEqual({ phone: 1, calls: 1 });
    // Another phone conversation waits: Alice has room by count, but not while on the call.
    const waiting = await r.wait('Please call me', 'phone');
    await r.dispatch();
    expect(await r.routing(waiting)).toMatchObject({ state: 'queued' });
    // Sent twice, the call still holds one line.
    await post({ ...call, type: 'answered', at: at(5), agentId: alice });
    expect((await onCalls())[alice]!.calls).toBe(1);

    // Handed to Bob (offline for routing, so he takes nothing else): the line moves with the call.
    await post({ ...call, type: 'transfer', at: at(30), toAgentId: bob, note: 'Your customer' });
    expect(await onCalls()).toMatchObject({ [alice]: { calls: 0 }, [bob]: { calls: 1 } });
    await post({ ...call, type: 'transfer', at: at(35), toAgentId: alice, note: 'Back to you' });
    await r.dispatch();
    expect(await r.routing(waiting)).toMatchObject({ state: 'queued' });

    // The call ends: the line is free, and the waiting conversation is offered to Alice.
    await post({ ...call, type: 'ended', at: at(90), cause: 'hangup' });
    expect(await onCalls()).toMatchObject({ [alice]: { calls: 0 }, [bob]: { calls: 0 } });
    await r.dispatch();
    expect(await r.routing(waiting)).toMatchObject({ state: 'offered', agentId: alice });
  });
});

describe('a withheld number', () => {
  it('gets a new conversation with an unknown customer of its own, never another caller’s', async () => {
    const d = await newDesk();
    // Someone else has an open conversation: a withheld call must not land in it.
    const known = await d.desk.customer([{ type: 'phone', value: '+447700903000' }]);
    const open = await d.desk.conversation({ customerId: known.id, text: 'Hello', channel: 'email' });
    const ids: string[] = [];
    // As providers write a withheld number (Twilio's "+266696687" is no real one).
    for (const [i, from] of ['anonymous', 'Restricted', '+266696687'].entries()) {
      const call = { callId: `w${i}`, from };
      const first = await d.posted({ ...call, type: 'started', at: at(0) });
      // The same call's later events stay on its conversation.
      const later = await d.posted([
        { ...call, type: 'answered', at: at(10), agentId: d.agentId },
        { ...call, type: 'ended', at: at(60), cause: 'hangup' },
      ]);
      expect(later.calls[0]!.conversationId).toBe(first.calls[0]!.conversationId);
      ids.push(first.calls[0]!.conversationId);
    }
    expect(new Set(ids).size).toBe(3);
    expect(ids).not.toContain(open.id);
    const conversations = await Promise.all(ids.map((id) => d.conversation(id)));
    const customers = new Set(conversations.map((c) => c.customerId));
    expect(customers.size).toBe(3);
    expect(customers.has(known.id)).toBe(false);
    for (const c of conversations) {
      expect(c).toMatchObject({ channel: 'phone', subject: 'Call from unknown caller', verification: null });
      const customer = (await d.api.get(`/customers/${c.customerId}`)).json;
      expect(customer).toMatchObject({ name: 'Unknown caller', identities: [] });
      expect(c.firstHumanReplyAt).not.toBeNull();
    }
    // A callback asked for on a withheld call has no number to call: refused on the step, kept.
    const window = {
      from: new Date(Date.now() + 3_600_000).toISOString(),
      to: new Date(Date.now() + 7_200_000).toISOString(),
    };
    const asked = await d.posted({
      callId: 'w9',
      type: 'ivr',
      at: at(0),
      from: 'anonymous',
      digits: '9',
      callback: { window },
    });
    const entry = (await d.callEntries(asked.calls[0]!.conversationId, 'w9'))[0]!;
    expect(entry.data.callbackError).toBeTruthy();
  });
});

describe('the Twilio adapter', () => {
  const token = 'twilio-auth-token-123';
  const sign = (url: string, params: Record<string, string>) =>
    createHmac('sha1', token)
      .update(
        url +
          Object.keys(params)
            .sort()
            .map((k) => k + params[k])
            .join(''),
      )
      .digest('base64');

  it('accepts a correctly signed status callback and refuses a wrong signature', async () => {
    const d = await newDesk({ twilioAuthToken: token });
    expect((await d.api.get(`/channels/phone/${d.lineId}`)).json.twilio).toEqual({ authTokenSet: true });
    const url = `http://localhost/api/v1/channels/phone/${d.lineId}/twilio`;
    const send = (params: Record<string, string>, signature: string) =>
      t.app.request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      });
    const ringing = {
      CallSid: 'CA123',
      CallStatus: 'ringing',
      From: '+447700900800',
      To: '+442079460000',
      Timestamp: 'Tue, 10 Mar 2026 12:00:00 +0000',
      SequenceNumber: '0',
    };
    expect((await send(ringing, sign(url, { ...ringing, CallStatus: 'completed' }))).status).toBe(401);
    expect((await send(ringing, 'bm90IGEgc2lnbmF0dXJl')).status).toBe(401);
    const ok = await send(ringing, sign(url, ringing));
    expect(ok.status, await ok.clone().text()).toBe(202);
    const answered = {
      ...ringing,
      CallStatus: 'in-progress',
      Timestamp: 'Tue, 10 Mar 2026 12:00:05 +0000',
      SequenceNumber: '1',
      Digits: '1',
    };
    expect((await send(answered, sign(url, answered))).status).toBe(202);
    const done = {
      ...ringing,
      CallStatus: 'no-answer',
      Timestamp: 'Tue, 10 Mar 2026 12:01:00 +0000',
      SequenceNumber: '2',
    };
    const last = await send(done, sign(url, done));
    expect(last.status).toBe(202);
    const body = (await last.json()) as { calls: { conversationId: string; status: string }[] };
    expect(body.calls[0]!.status).toBe('ended');
    const entries = await d.callEntries(body.calls[0]!.conversationId, 'CA123');
    expect(entries.map((e) => e.data.event)).toEqual(['started', 'answered', 'ivr', 'ended']);
    expect(entries[1]!.data).toMatchObject({ human: false });
    expect(entries[3]!.data).toMatchObject({ cause: 'no-answer', reachedHuman: false });
  });
});
