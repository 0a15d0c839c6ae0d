import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpDesk } from '../../../test/support/help-desk.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { alphabet, parseReference } from './reference.js';
import { inHours, promiseDesk } from './test-fixtures.js';

let t: TestApp;
let api: ReturnType<TestApp['as']>;
let other: ReturnType<TestApp['as']>;
let desk: ReturnType<typeof helpDesk>;
let ownerId: string;
let conversationId: string;
let promise: Awaited<ReturnType<typeof promiseDesk>>['promise'];

// Changes one symbol of a reference's letters form to another symbol of the alphabet.
const misspell = (reference: string, at: number) => {
  const next = alphabet[(alphabet.indexOf(reference[at]!) + 1) % alphabet.length]!;
  return reference.slice(0, at) + next + reference.slice(at + 1);
};

beforeAll(async () => {
  t = await createTestApp();
  const mine = await promiseDesk(t, 'Promises');
  ({ api, desk, ownerId, conversationId, promise } = mine);
  other = t.as((await t.workspace('Elsewhere')).apiKey);
}, 60_000);
afterAll(() => t?.close());

describe('making a promise', () => {
  it('answers 201 with an open promise and a checked reference in both forms', async () => {
    const p = await promise();
    expect(p).toMatchObject({ status: 'open', type: 'follow_up', ownerId, conversationId, link: null });
    expect(p.reference).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{4}$/);
    expect(p.referenceDigits).toMatch(/^\d{11}$/);
    const canonical = parseReference(p.reference);
    expect(canonical).not.toBeNull();
    expect(parseReference(p.referenceDigits)).toBe(canonical);
    // Broken 15 minutes after it is due; reminded an hour before.
    expect(Date.parse(p.breaksAt) - Date.parse(p.dueAt)).toBe(15 * 60_000);
    expect(Date.parse(p.dueAt) - Date.parse(p.remindAt)).toBe(60 * 60_000);
    expect((await api.get(`/promises/${p.id}`)).json).toEqual(p);
  });

  it('takes a window instead of a due time, breaking after its end', async () => {
    const window = { from: inHours(2), to: inHours(4) };
    const p = await promise({ type: 'callback', dueAt: undefined, window });
    expect(new Date(p.window.to).toISOString()).toBe(window.to);
    expect(Date.parse(p.breaksAt) - Date.parse(window.to)).toBe(15 * 60_000);
    expect(p.dueAt).toBeNull();
  });

  it('refuses invalid input with 400 naming each field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'bribe' }, 'type'],
      [{ dueAt: 'tomorrow' }, 'dueAt'],
      [{ window: { from: inHours(2), to: inHours(3) } }, 'dueAt'],
      [{ dueAt: undefined }, 'dueAt'],
      [{ dueAt: undefined, window: { from: inHours(3), to: inHours(2) } }, 'window.to'],
      [{ terms: '   ' }, 'terms'],
      [{ expiresAt: inHours(48) }, 'expiresAt'],
      [{ ownerId: 'someone' }, 'ownerId'],
      [{ surprise: true }, 'surprise'],
    ];
    for (const [fields, field] of cases) {
      const res = await api.post('/promises', {
        conversationId,
        type: 'follow_up',
        ownerId,
        dueAt: inHours(24),
        terms: 'x',
        ...fields,
      });
      expect(res.status, `${field}: ${res.text}`).toBe(400);
      expect(
        res.json.invalid_params.map((p: { name: string }) => p.name),
        field,
      ).toContain(field);
    }
  });

  it('needs a conversation and an owner of this workspace', async () => {
    const stranger = (await other.post('/customers', { name: 'Stranger' })).json.id;
    const foreign = await other.post('/conversations', {
      customerId: stranger,
      channel: 'chat',
      message: { text: 'hello' },
    });
    const noConversation = await api.post('/promises', {
      conversationId: foreign.json.id,
      type: 'follow_up',
      ownerId,
      dueAt: inHours(1),
      terms: 'x',
    });
    expect(noConversation.status).toBe(404);
    expect(noConversation.json.invalid_params[0].name).toBe('conversationId');
    const notMember = await api.post('/promises', {
      conversationId,
      type: 'follow_up',
      ownerId: '00000000-0000-4000-8000-000000000000',
      dueAt: inHours(1),
      terms: 'x',
    });
    expect(notMember.status).toBe(404);
    expect(notMember.json.invalid_params[0].name).toBe('ownerId');
  });
});

describe('the state machine', () => {
  it('keeps or cancels only an open promise, with a clear problem otherwise', async () => {
    const kept = await promise();
    const res = await api.post(`/promises/${kept.id}/kept`);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ status: 'kept', closedBy: 'member' });
    expect(res.json.closedAt).toBeTruthy();
    for (const action of ['kept', 'cancel']) {
      const again = await api.post(`/promises/${kept.id}/${action}`);
      expect(again.status).toBe(409);
      expect(again.json.code).toBe('PROMISE_NOT_OPEN');
      expect(again.json.detail).toMatch(/is kept/);
    }

    const cancelled = await promise();
    expect((await api.post(`/promises/${cancelled.id}/cancel`)).json.status).toBe('cancelled');
    expect((await api.post(`/promises/${cancelled.id}/kept`)).status).toBe(409);
    expect((await api.get(`/promises/${cancelled.id}`)).json.status).toBe('cancelled');
  });

  it('answers 404 for a promise that does not exist', async () => {
    const res = await api.post('/promises/00000000-0000-4000-8000-000000000000/kept');
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('PROMISE_NOT_FOUND');
  });
});

describe('listing', () => {
  it('filters by status, owner and type, in pages', async () => {
    const otherOwner = (await desk.member('agent', 'Blake')).id;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await promise({ ownerId: otherOwner, type: 'coupon' }));
    await api.post(`/promises/${made[0].id}/kept`);

    const open = await api.get(`/promises?ownerId=${otherOwner}&status=open&type=coupon`);
    expect(open.json.data.map((p: { id: string }) => p.id).sort()).toEqual([made[1].id, made[2].id].sort());

    const first = await api.get(`/promises?ownerId=${otherOwner}&limit=2`);
    expect(first.json.data).toHaveLength(2);
    expect(first.json.nextCursor).toBeTruthy();
    const second = await api.get(`/promises?ownerId=${otherOwner}&limit=2&cursor=${first.json.nextCursor}`);
    expect(second.json.data).toHaveLength(1);
    expect(second.json.nextCursor).toBeNull();
    const seen = [...first.json.data, ...second.json.data].map((p: { id: string }) => p.id);
    expect(seen.sort()).toEqual(made.map((p) => p.id).sort());

    expect((await api.get('/promises?status=lost')).status).toBe(400);
  });

  it("shows a conversation's open promises, and nothing a customer's reply changed", async () => {
    const customer = await desk.customer();
    const conv = (await desk.conversation({ customerId: customer.id, text: 'Call me back please' })).id;
    const callback = await promise({ conversationId: conv, type: 'callback' });
    const done = await promise({ conversationId: conv });
    await api.post(`/promises/${done.id}/kept`);

    await desk.say(conv, 'customer', 'Never mind, I found the answer myself. Thanks!');
    const listed = await api.get(`/conversations/${conv}/promises`);
    expect(listed.status, listed.text).toBe(200);
    expect(listed.json.data.map((p: { id: string }) => p.id)).toEqual([callback.id]);
    expect(listed.json.data[0]).toMatchObject({ status: 'open', remindAt: callback.remindAt });
    expect((await api.get('/conversations/00000000-0000-4000-8000-000000000000/promises')).status).toBe(404);
  });
});

describe('lookup by reference', () => {
  it('finds a promise by either form, in any case and with any separators', async () => {
    const p = await promise();
    const digits: string = p.referenceDigits;
    for (const typed of [
      p.reference,
      p.reference.toLowerCase(),
      p.reference.replace('-', ' '),
      `${digits.slice(0, 3)} ${digits.slice(3, 7)}-${digits.slice(7)}`,
    ]) {
      const res = await api.get(`/promises/lookup?reference=${encodeURIComponent(typed)}`);
      expect(res.status, typed).toBe(200);
      expect(res.json.id).toBe(p.id);
    }
  });

  it('matches nothing with a wrong check character or a wrong digit', async () => {
    const p = await promise();
    const canonical = parseReference(p.reference)!;
    const wrongCheck = misspell(canonical, 6);
    const wrongDigit =
      p.referenceDigits.slice(0, 4) + ((Number(p.referenceDigits[4]) + 1) % 10) + p.referenceDigits.slice(5);
    for (const typed of [wrongCheck, wrongDigit, 'NOT-AREF']) {
      const res = await api.get(`/promises/lookup?reference=${encodeURIComponent(typed)}`);
      expect(res.status, typed).toBe(404);
      expect(res.json.code).toBe('PROMISE_NOT_FOUND');
    }
    expect((await api.get('/promises/lookup?reference=')).status).toBe(400);
    expect((await api.get('/promises/lookup')).status).toBe(400);
  });
});

describe('tenancy', () => {
  it('keeps a promise from another workspace: no read, lookup, list, keep or cancel', async () => {
    const p = await promise();
    for (const res of [
      await other.get(`/promises/${p.id}`),
      await other.get(`/promises/lookup?reference=${p.reference}`),
      await other.get(`/promises/lookup?reference=${p.referenceDigits}`),
      await other.post(`/promises/${p.id}/kept`),
      await other.post(`/promises/${p.id}/cancel`),
      await other.get(`/conversations/${conversationId}/promises`),
    ]) {
      expect(res.status, res.text).toBe(404);
      expect(res.text).not.toContain(p.terms);
    }
    expect((await other.get('/promises')).json.data).toEqual([]);
    expect((await api.get(`/promises/${p.id}`)).json.status).toBe('open');
  });
});

describe('permissions', () => {
  it('lets every role read promises and only desk workers make, keep or cancel them', async () => {
    const p = await promise();
    const key = await api.post('/api-keys', { name: 'Wallboard', role: 'frontline' });
    expect(key.status, key.text).toBe(201);
    const frontline = t.as(key.json.key);
    expect((await frontline.get(`/promises/${p.id}`)).status).toBe(200);
    const refused = [
      await frontline.post('/promises', {
        conversationId,
        type: 'follow_up',
        ownerId,
        dueAt: inHours(1),
        terms: 'x',
      }),
      await frontline.post(`/promises/${p.id}/kept`),
      await frontline.post(`/promises/${p.id}/cancel`),
    ];
    for (const res of refused) expect(res.status, res.text).toBe(403);
    expect((await api.get(`/promises/${p.id}`)).json.status).toBe('open');
  });
});
