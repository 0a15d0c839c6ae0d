import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpDesk } from '../../../test/support/help-desk.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;

const sign = (secret: string, id: string) => createHmac('sha256', secret).update(id).digest('hex');

/** A workspace with its widget's key and secret, and ways to act as its admin and its visitors. */
async function widgetDesk(settings: Record<string, unknown> = {}) {
  const ws = await t.workspace();
  const api = t.as(ws.apiKey);
  const widget = await api.get('/channels/widget');
  expect(widget.status, widget.text).toBe(200);
  if (Object.keys(settings).length) {
    const changed = await api.patch('/channels/widget', settings);
    expect(changed.status, changed.text).toBe(200);
  }
  const session = (body: Record<string, unknown> = {}) =>
    t.request('POST', '/widget/sessions', { body: { workspaceKey: widget.json.workspaceKey, ...body } });
  const visitor = async (body: Record<string, unknown> = {}) => {
    const res = await session(body);
    expect(res.status, res.text).toBe(201);
    return { ...res.json, ...as(res.json.token) } as ReturnType<typeof as> & {
      token: string;
      customerId: string;
      visitorId: string | null;
      verified: boolean;
    };
  };
  return {
    ...ws,
    api,
    desk: helpDesk(api),
    key: widget.json.workspaceKey as string,
    secret: widget.json.signingSecret as string,
    session,
    visitor,
  };
}

const as = (token: string) => ({
  get: (path: string) => t.request('GET', path, { key: token }),
  post: (path: string, body: unknown = {}) => t.request('POST', path, { key: token, body }),
});

async function customerCount(workspaceId: string) {
  const result = await t.deps.db.execute(
    sql`SELECT count(*)::int AS n FROM customers WHERE workspace_id = ${workspaceId}`,
  );
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

describe('widget settings', () => {
  it('creates a public key on first read, rotates the secret and keeps the old one for a day', async () => {
    const d = await widgetDesk();
    expect(d.key).toMatch(/^wk_/);
    expect((await d.api.get('/channels/widget')).json.workspaceKey).toBe(d.key);
    const rotated = await d.api.patch('/channels/widget', { rotateSecret: true });
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.json.signingSecret).not.toBe(d.secret);
    const until = Date.parse(rotated.json.previousSecretValidUntil);
    expect(until - Date.now()).toBeGreaterThan(23 * 3_600_000);
    // Both secrets sign in; a secret never issued does not.
    for (const secret of [d.secret, rotated.json.signingSecret]) {
      const res = await d.session({ customerId: 'cust-42', signature: sign(secret, 'cust-42') });
      expect(res.status, res.text).toBe(201);
      expect(res.json.verified).toBe(true);
    }
    const wrong = await d.session({
      customerId: 'cust-42',
      signature: sign('wss_not-the-secret', 'cust-42'),
    });
    expect(wrong.status).toBe(401);
    // Rotating again retires the oldest at once.
    await d.api.patch('/channels/widget', { rotateSecret: true });
    const oldest = await d.session({ customerId: 'cust-42', signature: sign(d.secret, 'cust-42') });
    expect(oldest.status).toBe(401);
  });

  it('refuses a team that is not in the workspace, and a change of nothing', async () => {
    const d = await widgetDesk();
    const bad = await d.api.patch('/channels/widget', { teamId: crypto.randomUUID() });
    expect(bad.status).toBe(404);
    expect((await d.api.patch('/channels/widget', {})).status).toBe(400);
  });
});

describe('sessions', () => {
  it('a signed customer id finds one customer, holding it as an external identity, and is verified', async () => {
    const d = await widgetDesk();
    const first = await d.visitor({ customerId: 'User-7', signature: sign(d.secret, 'User-7'), name: 'Ana' });
    const second = await d.visitor({
      customerId: 'User-7',
      signature: sign(d.secret, 'User-7').toUpperCase(),
    });
    expect(first.verified).toBe(true);
    expect(first.visitorId).toBeNull();
    expect(second.customerId).toBe(first.customerId);
    const customer = await d.api.get(`/customers/${first.customerId}`);
    expect(customer.json.identities).toEqual([
      expect.objectContaining({ type: 'external', value: 'User-7' }),
    ]);
  });

  it('enforced: an unsigned or wrongly signed visitor gets 401 and nothing is stored', async () => {
    const d = await widgetDesk({ enforceSignature: true });
    const before = await customerCount(d.workspaceId);
    for (const body of [
      {},
      { customerId: 'u-1' },
      { customerId: 'u-1', signature: sign(d.secret, 'u-2') },
      { customerId: 'u-1', signature: 'f'.repeat(64) },
      { customerId: 'u-1', signature: 'not hex at all' },
      { signature: sign(d.secret, 'u-1') },
    ]) {
      const res = await d.session(body);
      expect(res.status, JSON.stringify(body)).toBe(401);
      expect(res.json.code).toBe('WIDGET_SIGNATURE_INVALID');
    }
    expect(await customerCount(d.workspaceId)).toBe(before);
    expect((await d.session({ customerId: 'u-1', signature: sign(d.secret, 'u-1') })).status).toBe(201);
  });

  it('anonymous chat only when allowed; an unsigned id is not looked up', async () => {
    const d = await widgetDesk({ anonymousAllowed: false });
    const before = await customerCount(d.workspaceId);
    const refused = await d.session({ name: 'Anon' });
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe('WIDGET_ANONYMOUS_DISABLED');
    expect(await customerCount(d.workspaceId)).toBe(before);

    await d.api.patch('/channels/widget', { anonymousAllowed: true });
    const signed = await d.visitor({ customerId: 'vip', signature: sign(d.secret, 'vip') });
    // Claiming the same id without its signature is an anonymous visitor of its own.
    const claimer = await d.visitor({ customerId: 'vip' });
    expect(claimer.verified).toBe(false);
    expect(claimer.customerId).not.toBe(signed.customerId);
  });

  it('an anonymous visitor comes back as the same customer with their visitor id, and only with theirs', async () => {
    const d = await widgetDesk();
    const other = await widgetDesk();
    const first = await d.visitor({ name: 'Reload Ray' });
    expect(first.visitorId).toMatch(/^vid_/);
    const conv = await first.post('/widget/conversations', { text: 'before the reload', clientId: 'r1' });
    expect(conv.status, conv.text).toBe(201);
    const again = await d.visitor({ visitorId: first.visitorId });
    expect(again.customerId).toBe(first.customerId);
    const history = await again.get('/widget/conversations');
    expect(history.json.items.map((c: { id: string }) => c.id)).toEqual([conv.json.id]);
    // A tampered id, or one given in another workspace, starts a new customer.
    const [body, mac] = first.visitorId!.slice(4).split('.');
    const forged = `vid_${Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), c: crypto.randomUUID() }),
    ).toString('base64url')}.${mac}`;
    expect((await d.visitor({ visitorId: forged })).customerId).not.toBe(first.customerId);
    const elsewhere = await other.visitor({ visitorId: first.visitorId });
    expect(elsewhere.customerId).not.toBe(first.customerId);
  });
});

describe('access', () => {
  it('a visitor token opens no staff route, and a staff key no visitor route', async () => {
    const d = await widgetDesk();
    const v = await d.visitor();
    expect((await t.request('GET', '/channels/widget', { key: v.token })).status).toBe(401);
    expect((await t.request('GET', `/customers/${v.customerId}`, { key: v.token })).status).toBe(401);
    expect((await t.request('GET', '/widget/conversations', { key: d.apiKey })).status).toBe(401);
    const post = await t.request('POST', '/widget/conversations', {
      key: d.apiKey,
      body: { text: 'hi', clientId: 'x' },
    });
    expect(post.status).toBe(401);
  });

  it("a visitor reads neither another visitor's conversation nor another workspace's", async () => {
    const d = await widgetDesk();
    const other = await widgetDesk();
    const a = await d.visitor();
    const b = await d.visitor();
    const c = await other.visitor();
    const bConv = (await b.post('/widget/conversations', { text: 'mine', clientId: '1' })).json.id;
    const cConv = (await c.post('/widget/conversations', { text: 'theirs', clientId: '1' })).json.id;
    for (const id of [bConv, cConv]) {
      expect((await a.get(`/widget/conversations/${id}`)).status).toBe(404);
      expect((await a.get(`/widget/conversations/${id}/messages`)).status).toBe(404);
      expect(
        (await a.post(`/widget/conversations/${id}/messages`, { text: 'x', clientId: 'y' })).status,
      ).toBe(404);
      expect((await a.post(`/widget/conversations/${id}/human`)).status).toBe(404);
      expect((await a.post(`/widget/conversations/${id}/callback`, { email: 'a@b.test' })).status).toBe(404);
    }
    expect((await a.get('/widget/conversations')).json.items).toEqual([]);
  });
});

describe('conversations and messages', () => {
  it('a signed visitor starts a verified chat whose verification survives a transfer; history in any browser', async () => {
    const d = await widgetDesk();
    const team = await d.desk.team('Tier 2', []);
    const v = await d.visitor({ customerId: 'acct-1', signature: sign(d.secret, 'acct-1') });
    const started = await v.post('/widget/conversations', { text: 'Where is my order?', clientId: 'm1' });
    expect(started.status, started.text).toBe(201);
    expect(started.json).toMatchObject({ status: 'open', channel: 'chat', verified: true });
    expect(started.json.message).toMatchObject({ seq: 1, clientId: 'm1', role: 'customer' });
    await d.api.post(`/conversations/${started.json.id}/transfer`, { teamId: team.id, note: 'billing' });
    const staffView = await d.api.get(`/conversations/${started.json.id}`);
    expect(staffView.json.verification).toMatchObject({ method: 'widget_hmac' });
    expect(staffView.json.messages[0].seq).toBe(1);
    const otherBrowser = await d.visitor({ customerId: 'acct-1', signature: sign(d.secret, 'acct-1') });
    const history = await otherBrowser.get('/widget/conversations');
    expect(history.json.items).toEqual([expect.objectContaining({ id: started.json.id, verified: true })]);
    // Anonymous chats are not verified.
    const anon = await d.visitor();
    const anonChat = await anon.post('/widget/conversations', { text: 'hi', clientId: 'a' });
    expect(anonChat.json.verified).toBe(false);
  });

  it('a clientId sent again is the same message or conversation, never a copy', async () => {
    const d = await widgetDesk();
    const v = await d.visitor();
    const first = await v.post('/widget/conversations', { text: 'hello', clientId: 'c-1' });
    const retry = await v.post('/widget/conversations', { text: 'hello', clientId: 'c-1' });
    expect(retry.status).toBe(200);
    expect(retry.json.id).toBe(first.json.id);
    const id = first.json.id;
    const sends = await Promise.all(
      [1, 2, 3].map(() => v.post(`/widget/conversations/${id}/messages`, { text: 'again', clientId: 'c-2' })),
    );
    expect(new Set(sends.map((s) => s.json.id)).size).toBe(1);
    expect(sends.map((s) => s.status).sort()).toEqual([200, 200, 201]);
    const all = await v.get(`/widget/conversations/${id}/messages`);
    expect(all.json.items.map((m: { text: string }) => m.text)).toEqual(['hello', 'again']);
    expect((await v.get('/widget/conversations')).json.items).toHaveLength(1);
  });

  it('pages by seq after the last one seen, and never shows internal notes', async () => {
    const d = await widgetDesk();
    const v = await d.visitor();
    const id = (await v.post('/widget/conversations', { text: 'one', clientId: '1' })).json.id;
    await d.desk.say(id, 'agent', 'two');
    await d.desk.say(id, 'agent', 'a note about this customer', true);
    const three = await v.post(`/widget/conversations/${id}/messages`, { text: 'three', clientId: '3' });
    expect(three.json.seq).toBe(4);
    const all = await v.get(`/widget/conversations/${id}/messages`);
    expect(all.json.items.map((m: { seq: number; text: string }) => [m.seq, m.text])).toEqual([
      [1, 'one'],
      [2, 'two'],
      [4, 'three'],
    ]);
    expect(all.json.items[1]).toMatchObject({ role: 'agent', authorName: expect.any(String) });
    expect(all.text).not.toContain('a note about');
    const after = await v.get(`/widget/conversations/${id}/messages?after=2`);
    expect(after.json).toMatchObject({
      items: [expect.objectContaining({ seq: 4 })],
      lastSeq: 4,
      hasMore: false,
    });
    expect((await v.get(`/widget/conversations/${id}/messages?after=4`)).json.items).toEqual([]);
    expect((await v.get(`/widget/conversations/${id}/messages?after=-1`)).status).toBe(400);
  });
});

describe('promises', () => {
  it("a chat quoting the visitor's own promise continues its conversation; a stranger's gets one of its own", async () => {
    const d = await widgetDesk();
    const ownerId = (await d.desk.member('agent', 'Quinn Quote')).id;
    const v = await d.visitor({ name: 'Returning Rae' });
    const first = await v.post('/widget/conversations', { text: 'Can I get a quote?', clientId: 'q1' });
    expect(first.status, first.text).toBe(201);
    const quote = { json: await d.desk.quote(first.json.id, ownerId) };
    await d.desk.status(first.json.id, 'resolved');

    const text = `Hi again, I accept quote ${quote.json.reference}`;
    const back = await v.post('/widget/conversations', { text, clientId: 'q2' });
    expect(back.status, back.text).toBe(201);
    expect(back.json).toMatchObject({
      id: first.json.id,
      status: 'open',
      message: { text, role: 'customer' },
    });
    // Sent again after a dropped connection: the same message, not a second one.
    const retried = await v.post('/widget/conversations', { text, clientId: 'q2' });
    expect(retried.status, retried.text).toBe(200);
    expect(retried.json.message.id).toBe(back.json.message.id);
    expect((await d.api.get(`/promises/${quote.json.id}`)).json).toMatchObject({
      status: 'kept',
      closedBy: 'customer',
    });
    const staffView = (await d.api.get(`/conversations/${first.json.id}`)).json;
    expect(staffView.assigneeId).toBe(ownerId);
    expect(staffView.messages.filter((m: { text: string }) => m.text === text)).toHaveLength(1);
    expect(staffView.timeline.some((e: { type: string }) => e.type === 'promise')).toBe(true);

    const stranger = await d.visitor({ name: 'Someone Else' });
    const theirs = await stranger.post('/widget/conversations', {
      text: `What about ${quote.json.reference}?`,
      clientId: 's1',
    });
    expect(theirs.status, theirs.text).toBe(201);
    expect(theirs.json.id).not.toBe(first.json.id);
    const linked = (await d.api.get(`/conversations/${theirs.json.id}`)).json;
    expect(linked.timeline.find((e: { type: string }) => e.type === 'created').data).toMatchObject({
      relatedConversationId: first.json.id,
    });
    expect(linked.assigneeId).toBe(ownerId);
    expect((await stranger.get(`/widget/conversations/${first.json.id}`)).status).toBe(404);
  });

  it('a chat message quoting an open promise brings it to its owner', async () => {
    const d = await widgetDesk();
    const ownerId = (await d.desk.member('agent', 'Fay Follow')).id;
    const v = await d.visitor();
    const chat = await v.post('/widget/conversations', { text: 'Where is my invoice?', clientId: 'f1' });
    const promise = await d.api.post('/promises', {
      conversationId: chat.json.id,
      type: 'follow_up',
      ownerId,
      dueAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
      terms: 'Send the corrected invoice',
    });
    const said = await v.post(`/widget/conversations/${chat.json.id}/messages`, {
      text: `Any news on ${promise.json.referenceDigits}?`,
      clientId: 'f2',
    });
    expect(said.status, said.text).toBe(201);
    const staffView = (await d.api.get(`/conversations/${chat.json.id}`)).json;
    expect(staffView.assigneeId).toBe(ownerId);
    expect(staffView.timeline.find((e: { type: string }) => e.type === 'promise').data).toMatchObject({
      promiseId: promise.json.id,
      outcome: 'shown',
      participant: true,
    });
    expect((await d.api.get(`/promises/${promise.json.id}`)).json.status).toBe('open');
  });
});

describe('the door to a human', () => {
  it('queues the conversation on the widget team and records human_requested', async () => {
    const d = await widgetDesk();
    const agent = await d.desk.member('agent');
    const team = await d.desk.team('Chat', [agent.id]);
    const v = await d.visitor();
    const id = (await v.post('/widget/conversations', { text: 'hi', clientId: '1' })).json.id;
    expect((await v.get(`/widget/conversations/${id}`)).json.routing.state).toBe('unrouted');
    await d.api.patch('/channels/widget', { teamId: team.id });
    const asked = await v.post(`/widget/conversations/${id}/human`);
    expect(asked.status, asked.text).toBe(200);
    expect(asked.json.routing).toMatchObject({ state: 'queued', position: 1 });
    expect(asked.json.routing.estimatedWait).toEqual({
      minSeconds: expect.any(Number),
      maxSeconds: expect.any(Number),
    });
    const timeline = (await d.api.get(`/conversations/${id}`)).json.timeline;
    expect(timeline.map((e: { type: string }) => e.type)).toContain('human_requested');
    // A chat started while the widget has a team waits in its queue from the start.
    const next = await v.post('/widget/conversations', { text: 'another', clientId: '2' });
    expect(next.json.routing).toMatchObject({ state: 'queued', position: 2 });
  });

  it('offers a callback past the threshold, and the callback keeps the place in the queue', async () => {
    const d = await widgetDesk();
    const team = await d.desk.team('Phones', []);
    await d.api.patch('/channels/widget', { teamId: team.id, callbackOfferAfterSeconds: 0 });
    const first = await d.visitor();
    await first.post('/widget/conversations', { text: 'first', clientId: '1' });
    const v = await d.visitor();
    const id = (await v.post('/widget/conversations', { text: 'second', clientId: '1' })).json.id;
    const before = (await v.get(`/widget/conversations/${id}`)).json;
    expect(before).toMatchObject({ offerCallback: true, routing: { state: 'queued', position: 2 } });
    const callback = await v.post(`/widget/conversations/${id}/callback`, { phone: '+44 20 7946 0958' });
    expect(callback.status, callback.text).toBe(201);
    expect(callback.json).toMatchObject({ type: 'callback', status: 'open', reference: expect.any(String) });
    const email = await v.post(`/widget/conversations/${id}/callback`, { email: 'ray@example.test' });
    expect(email.status, email.text).toBe(201);
    expect(email.json.type).toBe('follow_up');
    const after = (await v.get(`/widget/conversations/${id}`)).json;
    expect(after.routing.position).toBe(2);
    expect(after.routing.enqueuedAt).toBe(before.routing.enqueuedAt);
    expect((await v.post(`/widget/conversations/${id}/callback`, {})).status).toBe(400);
    const promises = await d.api.get(`/conversations/${id}/promises`);
    expect(promises.text).toContain(callback.json.reference);
  });
});

describe('config', () => {
  it('is online only when an agent of the team is, and says when a closed team is back', async () => {
    const d = await widgetDesk();
    const agent = await d.desk.member('agent');
    const team = await d.desk.team('Live', [agent.id]);
    await d.api.patch('/channels/widget', { teamId: team.id });
    const config = () => t.request('GET', `/widget/config?workspaceKey=${d.key}`);
    const offline = await config();
    expect(offline.status, offline.text).toBe(200);
    expect(offline.json).toMatchObject({ online: false, withinHours: true, backAt: null });
    expect((await d.api.put(`/users/${agent.id}/presence`, { status: 'online' })).status).toBe(200);
    expect((await config()).json).toMatchObject({ online: true, agentsWithRoom: true });
    // A calendar whose only hours are tomorrow's (in UTC): closed now, back then.
    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][tomorrow.getUTCDay()];
    const calendar = await d.api.post('/calendars', {
      name: 'Tomorrow only',
      timezone: 'Europe/Berlin',
      hours: [{ day, from: '09:00', to: '10:00' }],
    });
    expect(calendar.status, calendar.text).toBe(201);
    await d.api.patch('/channels/widget', { calendarId: calendar.json.id });
    const closed = (await config()).json;
    expect(closed).toMatchObject({ online: false, withinHours: false, timeZone: 'Europe/Berlin' });
    expect(Date.parse(closed.backAt)).toBeGreaterThan(Date.now());
    expect((await t.request('GET', '/widget/config?workspaceKey=wk_nobody')).status).toBe(404);
  });
});
