import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { eventOutbox } from '../../platform/events/outbox-table.js';
import { users } from '../workspaces/schema.js';
import { noteAnswered, wasAnswered } from './answered-conversations.js';

let t: TestApp;
let api: ReturnType<TestApp['as']>;

beforeAll(async () => {
  t = await createTestApp();
  const ws = await t.workspace('Acme');
  api = t.as(ws.apiKey);
});
afterAll(() => t.close());

// A time as the driver reads it (a Date, or text), in milliseconds.
type Time = Date | string;
const ms = (time: Time | null) => (time === null ? null : new Date(time).getTime());
const conversationRow = async (id: string) =>
  (
    (await t.handle.db.execute(
      sql`SELECT message_count, last_activity_at, last_human_reply_at, customer_waiting_since,
        first_human_reply_at, status FROM conversations WHERE id = ${id}`,
    )) as unknown as {
      rows: {
        message_count: number;
        last_activity_at: Time;
        last_human_reply_at: Time | null;
        customer_waiting_since: Time | null;
        first_human_reply_at: Time | null;
        status: string;
      }[];
    }
  ).rows[0]!;

async function newConversation(text = 'My router keeps dropping the connection') {
  const customer = await api.post('/customers', {
    name: 'Dana Reyes',
    identities: [{ type: 'account', value: `AC-${Math.random().toString().slice(2, 8)}` }],
  });
  const conv = await api.post('/conversations', {
    customerId: customer.json.id,
    channel: 'chat',
    subject: 'Internet',
    message: { text },
  });
  expect(conv.status).toBe(201);
  return conv.json;
}

describe('conversations', () => {
  it('numbers conversations per workspace and keeps the first message', async () => {
    const a = await newConversation();
    const b = await newConversation('Second problem');
    expect(b.displayId).toBe(a.displayId + 1);
    const detail = await api.get(`/conversations/${a.id}`);
    expect(detail.json.messages).toHaveLength(1);
    expect(detail.json.messages[0]).toMatchObject({
      role: 'customer',
      text: 'My router keeps dropping the connection',
      internal: false,
    });
    expect(detail.json.timeline[0]).toMatchObject({ type: 'created' });
    expect(detail.json.verification).toBeNull();
  });

  it('keeps the verification and the handover note through transfers', async () => {
    const conv = await newConversation();
    const team = await api.post('/teams', { name: `Billing ${conv.displayId}` });
    expect(team.status).toBe(201);
    const verified = await api.post(`/conversations/${conv.id}/verify`, { method: 'security_questions' });
    expect(verified.status).toBe(200);

    const noNote = await api.post(`/conversations/${conv.id}/transfer`, { teamId: team.json.id });
    expect(noNote.status).toBe(400);
    expect(noNote.json.invalid_params.map((p: { name: string }) => p.name)).toContain('note');

    const moved = await api.post(`/conversations/${conv.id}/transfer`, {
      teamId: team.json.id,
      note: 'Verified by security questions; wants a refund for March',
    });
    expect(moved.status).toBe(200);
    expect(moved.json.teamId).toBe(team.json.id);

    const detail = await api.get(`/conversations/${conv.id}`);
    expect(detail.json.verification).toMatchObject({ method: 'security_questions' });
    expect(Date.parse(detail.json.verification.verifiedAt)).not.toBeNaN();
    expect(detail.json.handover.note).toBe('Verified by security questions; wants a refund for March');
    const transfer = detail.json.timeline.find((e: { type: string }) => e.type === 'transferred');
    expect(transfer).toMatchObject({ note: 'Verified by security questions; wants a refund for March' });
    expect(Date.parse(transfer.at)).not.toBeNaN();
    expect(detail.json.timeline.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'verified',
      'transferred',
    ]);
  });

  it('keeps when the customer started waiting: their first unanswered message, until a member answers', async () => {
    const conv = await newConversation();
    const waitingSince = async () => (await api.get(`/conversations/${conv.id}`)).json;
    const opened = await waitingSince();
    expect(opened.customerWaitingSince).toBe(opened.createdAt);
    await api.post(`/conversations/${conv.id}/messages`, { role: 'customer', text: 'Hello?' });
    expect((await waitingSince()).customerWaitingSince).toBe(opened.createdAt);
    // A note is not an answer the customer sees.
    await api.post(`/conversations/${conv.id}/messages`, { role: 'agent', text: 'Looking', internal: true });
    expect((await waitingSince()).customerWaitingSince).toBe(opened.createdAt);
    const reply = await api.post(`/conversations/${conv.id}/messages`, { role: 'agent', text: 'On it.' });
    const answered = await waitingSince();
    expect(answered).toMatchObject({ customerWaitingSince: null, lastHumanReplyAt: reply.json.createdAt });
    const again = await api.post(`/conversations/${conv.id}/messages`, {
      role: 'customer',
      text: 'Thanks, and…',
    });
    expect((await waitingSince()).customerWaitingSince).toBe(again.json.createdAt);
  });

  it("never counts a bot's or an automation key's reply as a human's, and names each message's author kind", async () => {
    const conv = await newConversation();
    const read = async () => (await api.get(`/conversations/${conv.id}`)).json;
    const opened = await read();
    const created = await api.post('/api-keys', { name: 'Order bot', role: 'agent', kind: 'automation' });
    expect(created.status, created.text).toBe(201);
    expect(created.json.kind).toBe('automation');
    const automation = t.as(created.json.key);
    const automated = await automation.post(`/conversations/${conv.id}/messages`, {
      role: 'agent',
      text: 'Your order #123 shipped yesterday.',
    });
    expect(automated.status, automated.text).toBe(201);
    // Stored as a bot's, with no author: the key's creator did not answer.
    expect(automated.json).toMatchObject({ role: 'bot', authorId: null });
    const bot = await api.post(`/conversations/${conv.id}/messages`, { role: 'bot', text: 'Anything else?' });
    expect(bot.status, bot.text).toBe(201);
    expect(await read()).toMatchObject({
      customerWaitingSince: opened.createdAt,
      firstHumanReplyAt: null,
      lastHumanReplyAt: null,
    });
    const human = await api.post(`/conversations/${conv.id}/messages`, {
      role: 'agent',
      text: 'Hi, Sam here.',
    });
    expect(await read()).toMatchObject({
      customerWaitingSince: null,
      firstHumanReplyAt: human.json.createdAt,
      lastHumanReplyAt: human.json.createdAt,
    });
    const kinds = await t.handle.db
      .select({ data: eventOutbox.data })
      .from(eventOutbox)
      .where(
        and(
          eq(eventOutbox.type, 'conversation.message_added'),
          sql`${eventOutbox.data}->>'conversationId' = ${conv.id}`,
        ),
      )
      .orderBy(asc(eventOutbox.id));
    expect(kinds.map((k) => (k.data as { authorKind: string }).authorKind)).toEqual([
      'automation',
      'bot',
      'human',
    ]);
    // A conversation an automation opens has had no human either.
    const outreach = await automation.post('/conversations', {
      customerId: conv.customerId,
      channel: 'email',
      message: { text: 'Your invoice is ready', role: 'agent' },
    });
    expect(outreach.status, outreach.text).toBe(201);
    expect(outreach.json).toMatchObject({ firstHumanReplyAt: null, lastHumanReplyAt: null });
  });

  it('adds agent replies and internal notes, and reopens when the customer writes back', async () => {
    const conv = await newConversation();
    const reply = await api.post(`/conversations/${conv.id}/messages`, {
      role: 'agent',
      text: 'Let me look at that for you.',
    });
    expect(reply.status).toBe(201);
    const note = await api.post(`/conversations/${conv.id}/messages`, {
      role: 'agent',
      text: 'Line test shows noise',
      internal: true,
    });
    expect(note.json.internal).toBe(true);
    const bad = await api.post(`/conversations/${conv.id}/messages`, {
      role: 'customer',
      text: 'hi',
      internal: true,
    });
    expect(bad.status).toBe(400);

    await api.post(`/conversations/${conv.id}/status`, { status: 'resolved' });
    await api.post(`/conversations/${conv.id}/messages`, { role: 'customer', text: 'It dropped again' });
    const detail = await api.get(`/conversations/${conv.id}`);
    expect(detail.json.status).toBe('open');
    expect(detail.json.messageCount).toBe(4);
    expect(detail.json.firstHumanReplyAt).not.toBeNull();
    expect(detail.json.timeline.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'note_added',
      'status_changed',
      'status_changed',
    ]);
  });

  it("clears a deleted user's authorship of their messages", async () => {
    const email = `author-${Math.random().toString(36).slice(2)}@example.test`;
    const password = 'a long enough password';
    const added = await api.post('/users', { email, name: 'Sam Author', role: 'agent', password });
    expect(added.status, added.text).toBe(201);
    const login = await t.request('POST', '/auth/login', { body: { email, password } });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const conv = await newConversation();
    const sent = await t.request('POST', `/conversations/${conv.id}/messages`, {
      cookie,
      body: { role: 'agent', text: 'On it.' },
    });
    expect(sent.json.authorId, sent.text).toBe(added.json.id);

    await t.deps.db.delete(users).where(eq(users.id, added.json.id));
    const detail = await api.get(`/conversations/${conv.id}`);
    const message = detail.json.messages.find((m: { id: string }) => m.id === sent.json.id);
    expect(message).toMatchObject({ text: 'On it.', authorId: null });
  });

  it('changes the priority, on the timeline and as an event, and refuses an unknown one', async () => {
    const conv = await newConversation();
    const raised = await api.post(`/conversations/${conv.id}/priority`, { priority: 'high' });
    expect(raised.status, raised.text).toBe(200);
    expect(raised.json.priority).toBe('high');
    // The same priority again is no change.
    expect((await api.post(`/conversations/${conv.id}/priority`, { priority: 'high' })).status).toBe(200);
    const detail = await api.get(`/conversations/${conv.id}`);
    expect(detail.json.priority).toBe('high');
    const changes = detail.json.timeline.filter((e: { type: string }) => e.type === 'priority_changed');
    expect(changes).toEqual([expect.objectContaining({ data: { from: 'normal', to: 'high' } })]);
    const events = await t.handle.db
      .select({ data: eventOutbox.data })
      .from(eventOutbox)
      .where(
        and(
          eq(eventOutbox.type, 'conversation.priority_changed'),
          sql`${eventOutbox.data}->>'conversationId' = ${conv.id}`,
        ),
      );
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ conversationId: conv.id, from: 'normal', to: 'high' }),
    ]);

    const bad = await api.post(`/conversations/${conv.id}/priority`, { priority: 'whenever' });
    expect(bad.status).toBe(400);
    expect(bad.json.invalid_params.map((p: { name: string }) => p.name)).toContain('priority');
    expect((await api.post(`/conversations/${conv.id}/priority`, {})).status).toBe(400);
    const missing = await api.post(`/conversations/${crypto.randomUUID()}/priority`, { priority: 'low' });
    expect(missing.status).toBe(404);
  });

  it("never changes another workspace's conversation's priority", async () => {
    const conv = await newConversation();
    const other = t.as((await t.workspace('Other')).apiKey);
    const res = await other.post(`/conversations/${conv.id}/priority`, { priority: 'urgent' });
    expect(res.status).toBe(404);
    expect((await api.get(`/conversations/${conv.id}`)).json.priority).toBe('normal');
  });

  it('lists with filters and a cursor that walks every page once', async () => {
    // Several statuses, and an older conversation made the most recently active.
    const [older, resolved, pending] = [
      await newConversation(),
      await newConversation(),
      await newConversation(),
    ];
    expect((await api.post(`/conversations/${resolved.id}/status`, { status: 'resolved' })).status).toBe(200);
    expect((await api.post(`/conversations/${pending.id}/status`, { status: 'pending' })).status).toBe(200);
    await api.post(`/conversations/${older.id}/messages`, { role: 'agent', text: 'Back to you' });
    const seen = new Set<string>();
    const walked: { id: string; status: string; lastActivityAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api.get(`/conversations?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      for (const c of page.json.data) {
        expect(seen.has(c.id)).toBe(false);
        seen.add(c.id);
        walked.push(c);
      }
      cursor = page.json.nextCursor;
    } while (cursor);
    const all = await api.get('/conversations?limit=200');
    expect(seen.size).toBe(all.json.data.length);
    // Every status in one order, newest activity first (ties by id), page after page.
    expect(new Set(walked.map((c) => c.status))).toEqual(new Set(['open', 'resolved', 'pending']));
    expect(walked[0]!.id).toBe(older.id);
    const newestFirst = [...walked].sort(
      (a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt) || b.id.localeCompare(a.id),
    );
    expect(walked.map((c) => c.id)).toEqual(newestFirst.map((c) => c.id));
    expect(all.json.data.map((c: { id: string }) => c.id)).toEqual(newestFirst.map((c) => c.id));
    const open = await api.get('/conversations?status=resolved');
    expect(open.json.data.every((c: { status: string }) => c.status === 'resolved')).toBe(true);
  });

  it("names each row's customer and filters by priority and by nobody assigned", async () => {
    const held = await newConversation('The line is down');
    const member = (await api.get('/users')).json.data[0].id;
    expect((await api.post(`/conversations/${held.id}/assign`, { userId: member })).status).toBe(200);
    const customer = await api.post('/customers', { name: 'Ines Moreau', identities: [] });
    const created = await api.post('/conversations', {
      customerId: customer.json.id,
      channel: 'email',
      priority: 'urgent',
      message: { text: 'Urgent: no service' },
    });
    expect(created.status).toBe(201);
    const byPriority = await api.get('/conversations?priority=urgent&limit=200');
    expect(byPriority.status).toBe(200);
    expect(byPriority.json.data.map((c: { id: string }) => c.id)).toEqual([created.json.id]);
    expect(byPriority.json.data[0].customerName).toBe('Ines Moreau');
    const all = await api.get('/conversations?limit=200');
    expect(all.json.data.every((c: { customerName: string }) => c.customerName.length > 0)).toBe(true);

    const unassigned = await api.get('/conversations?unassigned=true&limit=200');
    expect(unassigned.json.data.length).toBeGreaterThan(0);
    expect(unassigned.json.data.some((c: { id: string }) => c.id === held.id)).toBe(false);
    expect(unassigned.json.data.every((c: { assigneeId: string | null }) => c.assigneeId === null)).toBe(
      true,
    );
    expect((await api.get('/conversations?unassigned=maybe')).status).toBe(400);

    // Rows for a list made elsewhere (the conversations breaching soon): only those asked for.
    const two = await api.get(`/conversations?ids=${held.id},${created.json.id}&limit=200`);
    expect(two.json.data.map((c: { id: string }) => c.id).sort()).toEqual([held.id, created.json.id].sort());
    expect((await api.get('/conversations?ids=not-an-id')).status).toBe(400);
    expect((await api.get(`/conversations?ids=${crypto.randomUUID()}`)).json.data).toEqual([]);
  });
  it('writes a message to an answered conversation with its event in one trip, the same as the ordinary way', async () => {
    const conv = await newConversation();
    const events = async () =>
      (
        await t.handle.db
          .select({ type: eventOutbox.type, data: eventOutbox.data })
          .from(eventOutbox)
          .where(sql`${eventOutbox.data}->>'conversationId' = ${conv.id}`)
          .orderBy(asc(eventOutbox.id))
      ).filter((e) => ['conversation.message_added', 'conversation.status_changed'].includes(e.type));
    // The first human reply goes the ordinary way (it ends the wait for a first human) ...
    expect(wasAnswered(conv.id)).toBe(false);
    const first = await api.post(`/conversations/${conv.id}/messages`, {
      role: 'agent',
      text: 'Looking now',
    });
    expect(first.status).toBe(201);
    expect(wasAnswered(conv.id)).toBe(true);
    // ... the next ones may be told before they are written.
    const second = await api.post(`/conversations/${conv.id}/messages`, { role: 'agent', text: 'Fixed' });
    expect(second.status).toBe(201);
    expect(second.json).toMatchObject({ role: 'agent', text: 'Fixed', internal: false, seq: 3 });
    const messageEvent = (id: string, seq: number, text: string, awaitingHuman: boolean) => ({
      type: 'conversation.message_added',
      data: {
        conversationId: conv.id,
        displayId: conv.displayId,
        messageId: id,
        role: 'agent',
        authorKind: 'human',
        internal: false,
        text,
        awaitingHuman,
        seq,
        // Told by the write in either way, for the listeners of one channel.
        channel: 'chat',
      },
    });
    expect(await events()).toEqual([
      messageEvent(first.json.id, 2, 'Looking now', true),
      messageEvent(second.json.id, 3, 'Fixed', false),
    ]);

    // A customer writing back into a resolved conversation reopens it: the one-trip write refuses
    // a finished conversation, and the request runs again the ordinary way.
    expect((await api.post(`/conversations/${conv.id}/status`, { status: 'resolved' })).status).toBe(200);
    const back = await api.post(`/conversations/${conv.id}/messages`, {
      role: 'customer',
      text: 'Down again',
    });
    expect(back.status).toBe(201);
    expect(back.json.seq).toBe(4);
    expect((await api.get(`/conversations/${conv.id}`)).json.status).toBe('open');
    expect((await events()).slice(2).map((e) => [e.type, (e.data as { to?: string }).to])).toEqual([
      ['conversation.status_changed', 'resolved'],
      ['conversation.status_changed', 'open'],
      ['conversation.message_added', undefined],
    ]);

    // Another workspace's conversation is not there for this one (row-level security): the
    // one-trip write finds nothing, and the ordinary way answers 404, having written nothing.
    const other = t.as((await t.workspace('Elsewhere')).apiKey);
    const stray = await other.post(`/conversations/${conv.id}/messages`, { role: 'agent', text: 'Hi' });
    expect(stray.status).toBe(404);
    expect(await events()).toHaveLength(5);
  });

  it('keeps the same counters and times, and tells the same events, whichever way a message is written', async () => {
    // Each kind of message the one-trip write has a statement for: a customer's (twice: the wait
    // starts at the first), a bot's, a human's reply (which ends the wait).
    const steps = [
      { role: 'customer', text: 'Still down' },
      { role: 'customer', text: 'Hello?' },
      { role: 'bot', text: 'An agent will be with you shortly' },
      { role: 'agent', text: 'Restarting it from here' },
      { role: 'customer', text: 'Thanks' },
    ] as const;
    const run = async (oneTrip: boolean) => {
      const conv = await newConversation();
      expect(
        (await api.post(`/conversations/${conv.id}/messages`, { role: 'agent', text: 'On it' })).status,
      ).toBe(201);
      const firstHuman = ms((await conversationRow(conv.id)).first_human_reply_at);
      const seen = [];
      for (const step of steps) {
        // The ordinary way: the conversation is not known to have had its first human.
        if (!oneTrip) noteAnswered(conv.id, false);
        expect(wasAnswered(conv.id)).toBe(oneTrip);
        const res = await api.post(`/conversations/${conv.id}/messages`, step);
        expect(res.status).toBe(201);
        const row = await conversationRow(conv.id);
        // Times told apart by what they are, this message's or an earlier one's, not by their value.
        const at = (time: Time | null) =>
          ms(time) === new Date(res.json.createdAt).getTime() ? 'this message' : ms(time) && 'earlier';
        seen.push({
          answer: { ...res.json, id: typeof res.json.id, createdAt: typeof res.json.createdAt },
          conversation: {
            messageCount: row.message_count,
            lastActivityAt: at(row.last_activity_at),
            lastHumanReplyAt: at(row.last_human_reply_at),
            customerWaitingSince: at(row.customer_waiting_since),
            firstHumanReplyAt: ms(row.first_human_reply_at) === firstHuman,
            status: row.status,
          },
        });
      }
      const events = await t.handle.db
        .select({ data: eventOutbox.data })
        .from(eventOutbox)
        .where(
          sql`${eventOutbox.type} = 'conversation.message_added' AND ${eventOutbox.data}->>'conversationId' = ${conv.id}`,
        )
        .orderBy(asc(eventOutbox.id));
      const messages = (await api.get(`/conversations/${conv.id}`)).json.messages as { id: string }[];
      // Each event names its message, as stored (the first message came with the conversation's own).
      expect(events.map((e) => (e.data as { messageId: string }).messageId)).toEqual(
        messages.slice(1).map((m) => m.id),
      );
      const told = events.map(({ data }) => {
        const { conversationId, displayId, messageId, ...rest } = data as Record<string, unknown>;
        expect([conversationId, displayId, typeof messageId]).toEqual([conv.id, conv.displayId, 'string']);
        return rest;
      });
      return { seen, told };
    };
    const oneTrip = await run(true);
    expect(oneTrip.seen.map((s) => s.conversation.customerWaitingSince)).toEqual([
      'this message',
      'earlier',
      'earlier',
      null,
      'this message',
    ]);
    expect(oneTrip.seen.map((s) => s.conversation.lastHumanReplyAt)).toEqual([
      'earlier',
      'earlier',
      'earlier',
      'this message',
      'earlier',
    ]);
    expect(oneTrip.seen.map((s) => s.answer.seq)).toEqual([3, 4, 5, 6, 7]);
    expect(oneTrip).toEqual(await run(false));
  });
});
