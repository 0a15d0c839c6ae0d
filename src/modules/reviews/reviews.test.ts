import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpDesk } from '../../../test/support/help-desk.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { processStoredDelivery, retryUnreadDeliveries } from './process-delivery-job.js';
import { reviewDeliveries } from './schema.js';

let t: TestApp;
let api: ReturnType<TestApp['as']>;
let workspaceId: string;

beforeAll(async () => {
  // With workers: a posted delivery is answered 202 and read by the job, as in production.
  t = await createTestApp({ workers: true });
  const ws = await t.workspace('Acme');
  api = t.as(ws.apiKey);
  workspaceId = ws.workspaceId;
}, 60_000);
afterAll(() => t.close());

type Source = { id: string; secret: string; source: string };
let n = 0;
const newSource = async (extra: Record<string, unknown> = {}) => {
  const res = await api.post('/channels/reviews', { name: `Reviews ${++n}`, source: `site${n}`, ...extra });
  expect(res.status, res.text).toBe(201);
  return res.json as Source;
};
const send = (source: Source, body: unknown, secret = source.secret) =>
  t.request('POST', `/channels/reviews/${source.id}/items`, { key: secret, body });
/** A delivery's outcome once the job has read it. */
const outcome = (source: Source, deliveryId: string) =>
  waitUntil(`delivery ${deliveryId} read`, async () => {
    const res = await api.get(`/channels/reviews/${source.id}/deliveries/${deliveryId}`);
    expect(res.status, res.text).toBe(200);
    return res.json.state === 'pending' ? null : res.json;
  });
/** Posts a delivery, which is answered 202, and gives its outcome once read (or the refusal). */
const post = async (source: Source, body: unknown, secret = source.secret) => {
  const res = await send(source, body, secret);
  if (res.status !== 202) return res;
  return { status: res.status, text: res.text, json: await outcome(source, res.json.deliveryId) };
};
const item = (source: Source, fields: Record<string, unknown> = {}) => ({
  source: source.source,
  externalId: `r-${++n}`,
  author: { handle: `@user${n}`, name: `User ${n}` },
  text: 'Arrived on time, works as described.',
  createdAt: '2026-11-01T10:00:00Z',
  ...fields,
});
const itemsOf = async (source: Source) => {
  const res = await api.get(`/channels/reviews/${source.id}/items`);
  expect(res.status, res.text).toBe(200);
  return res.json.data as any[];
};
const conversation = async (id: string) => (await api.get(`/conversations/${id}`)).json;
const deliveries = async (sourceId: string) =>
  (
    await t.deps.db
      .select({ n: count() })
      .from(reviewDeliveries)
      .where(eq(reviewDeliveries.sourceId, sourceId))
  )[0]!.n;

describe('review sources', () => {
  it('are created with a secret, listed, read, changed and deleted by administrators', async () => {
    const created = await api.post('/channels/reviews', { name: 'Trustpilot', source: 'trustpilot' });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Trustpilot',
      source: 'trustpilot',
      status: 'active',
      pull: null,
    });
    expect(created.json.secret).toMatch(/^esr_[\w-]{32}$/);
    const id = created.json.id;
    expect((await api.get('/channels/reviews')).json.data.map((s: Source) => s.id)).toContain(id);
    const changed = await api.patch(`/channels/reviews/${id}`, { visibility: 5000 });
    expect(changed.json).toMatchObject({ visibility: 5000 });
    const again = await api.post('/channels/reviews', { name: 'Trustpilot', source: 'x' });
    expect(again.status).toBe(409);
    expect((await api.delete(`/channels/reviews/${id}`)).status).toBe(204);
    expect((await api.get(`/channels/reviews/${id}`)).status).toBe(404);
  });

  it('refuse a wrong bearer with 401 and store nothing', async () => {
    const source = await newSource();
    const other = await newSource();
    for (const secret of ['esr_wrong', other.secret]) {
      const res = await post(source, { items: [item(source)] }, secret);
      expect(res.status).toBe(401);
    }
    expect(await deliveries(source.id)).toBe(0);
    expect(await itemsOf(source)).toEqual([]);
  });
});

describe('items', () => {
  it('are upserted by (source, externalId): created, unchanged, edited with their history', async () => {
    const source = await newSource();
    const first = item(source, { rating: 5 });
    const created = await post(source, { items: [first] });
    expect(created.status, created.text).toBe(202);
    expect(created.json).toMatchObject({ state: 'processed', via: 'webhook', error: null });
    expect(created.json.results).toEqual([
      { index: 0, externalId: first.externalId, result: 'created', itemId: expect.any(String) },
    ]);
    expect((await post(source, [first])).json.results[0].result).toBe('unchanged');
    const edited = {
      ...first,
      rating: 4,
      text: 'Good, but the box was dented.',
      updatedAt: '2026-11-02T10:00:00Z',
    };
    expect((await post(source, [edited])).json.results[0].result).toBe('updated');
    // An older state replayed by a connector changes nothing.
    const stale = { ...first, text: 'Old words', updatedAt: '2026-11-01T12:00:00Z' };
    expect((await post(source, [stale])).json.results[0]).toMatchObject({ result: 'unchanged' });
    const [kept] = await itemsOf(source);
    expect(kept).toMatchObject({ version: 2, rating: 4, text: 'Good, but the box was dented.', case: null });
    expect(kept.history.map((h: any) => [h.version, h.rating, h.text])).toEqual([
      [1, 5, first.text],
      [2, 4, 'Good, but the box was dented.'],
    ]);
    expect(await deliveries(source.id)).toBe(4);
  });

  it('answer each item on its own: a bad one is rejected with its reason, the good ones are kept', async () => {
    const source = await newSource();
    const good = item(source);
    const res = await post(source, {
      items: [
        good,
        item(source, { rating: 7 }),
        { ...item(source), externalId: '' },
        item(source, { createdAt: 'yesterday' }),
        item(source, { source: 'elsewhere' }),
      ],
    });
    expect(res.status, res.text).toBe(202);
    expect(res.json.counts).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 4 });
    expect(res.json.results.map((r: any) => r.reason)).toEqual([
      undefined,
      expect.stringMatching(/^rating: must not be more than ratingScale/),
      expect.stringMatching(/^externalId: /),
      expect.stringMatching(/^createdAt: /),
      expect.stringMatching(/^source: /),
    ]);
    expect((await itemsOf(source)).map((i) => i.externalId)).toEqual([good.externalId]);
  });

  it('keep a body that is not JSON raw, and answer 400', async () => {
    const source = await newSource();
    const res = await t.request('POST', `/channels/reviews/${source.id}/items`, {
      key: source.secret,
      raw: '{"items": [',
    });
    expect(res.status).toBe(400);
    expect(await deliveries(source.id)).toBe(1);
    // Refused whole, with the reason, and the job finds nothing left to read.
    const [kept] = await t.deps.db
      .select()
      .from(reviewDeliveries)
      .where(eq(reviewDeliveries.sourceId, source.id));
    expect(kept).toMatchObject({ raw: '{"items": [', results: [], error: 'The body is not JSON' });
    const shown = await api.get(`/channels/reviews/${source.id}/deliveries/${kept!.id}`);
    expect(shown.json).toMatchObject({ state: 'refused', error: 'The body is not JSON', counts: null });
  });

  it('answer 202 once stored; a delivery whose reading never ran is read again from its raw', async () => {
    const source = await newSource();
    const one = item(source, { rating: 5 });
    // As if the job were lost: the raw is stored and answered, then nothing read it.
    const res = await send(source, { items: [one] });
    expect(res.status, res.text).toBe(202);
    expect(res.json).toEqual({
      deliveryId: expect.any(String),
      status: 'accepted',
      items: 1,
      backfill: false,
    });
    const deliveryId = res.json.deliveryId as string;
    await outcome(source, deliveryId);
    // Undo the reading (the item and the outcome), keeping only the raw.
    await t.deps.db.execute(`DELETE FROM review_items WHERE external_id = '${one.externalId}'`);
    await t.deps.db.execute(`UPDATE review_deliveries SET results = NULL WHERE id = '${deliveryId}'`);
    const [row] = await t.deps.db
      .select({ receivedAt: reviewDeliveries.receivedAt })
      .from(reviewDeliveries)
      .where(eq(reviewDeliveries.id, deliveryId));
    // Not within the first minute: the job may still be on it.
    expect(await retryUnreadDeliveries(t.deps, row!.receivedAt)).toMatchObject({
      read: 0,
    });
    const later = new Date(row!.receivedAt.getTime() + 90_000);
    const swept = await retryUnreadDeliveries(t.deps, later);
    expect(swept.read).toBeGreaterThanOrEqual(1);
    expect((await itemsOf(source)).map((i) => i.externalId)).toEqual([one.externalId]);
    expect((await outcome(source, deliveryId)).results[0]).toMatchObject({ result: 'created' });
    // Read once: a second reading (a redelivered job) changes nothing.
    expect(await processStoredDelivery(t.deps, { workspaceId, deliveryId })).toBeNull();
  });

  it('show a delivery only to its own workspace and source', async () => {
    const source = await newSource();
    const other = await newSource();
    const res = await send(source, [item(source)]);
    await outcome(source, res.json.deliveryId);
    expect((await api.get(`/channels/reviews/${other.id}/deliveries/${res.json.deliveryId}`)).status).toBe(
      404,
    );
    const stranger = t.as((await t.workspace('Stranger')).apiKey);
    const seen = await stranger.get(`/channels/reviews/${source.id}/deliveries/${res.json.deliveryId}`);
    expect(seen.status).toBe(404);
  });
});

describe('cases', () => {
  it('open for a rating of 2 but not 3, on channel review, with a follow-up promise', async () => {
    const source = await newSource();
    const low = item(source, { rating: 2, text: 'Broke after two days.' });
    const middling = item(source, { rating: 3, text: 'It is fine.' });
    await post(source, [low, middling]);
    const items = await itemsOf(source);
    const lowItem = items.find((i) => i.externalId === low.externalId);
    expect(items.find((i) => i.externalId === middling.externalId).case).toBeNull();
    expect(lowItem.case).toMatchObject({ reason: 'rating 2 of 5', followUpPromiseId: expect.any(String) });
    const conv = await conversation(lowItem.case.conversationId);
    expect(conv).toMatchObject({ channel: 'review', priority: 'normal' });
    expect(conv.messages[0]).toMatchObject({
      role: 'customer',
      text: 'Broke after two days.',
      review: { itemId: lowItem.id, rating5: 2, author: { handle: low.author.handle } },
    });
    const promises = (await api.get(`/conversations/${conv.id}/promises`)).json.data;
    expect(promises).toHaveLength(1);
    expect(promises[0]).toMatchObject({ type: 'follow_up', status: 'open', ownerId: expect.any(String) });
    const due = Date.parse(promises[0].dueAt) - Date.parse(lowItem.case.openedAt);
    expect(due).toBe(24 * 3_600_000);
  });

  it('read other scales on 5: 4 of 10 opens a case, 6 of 10 does not', async () => {
    const source = await newSource();
    const four = item(source, { rating: 4, ratingScale: 10 });
    const six = item(source, { rating: 6, ratingScale: 10 });
    await post(source, [four, six]);
    const items = await itemsOf(source);
    expect(items.find((i) => i.externalId === four.externalId)).toMatchObject({ rating5: 2 });
    expect(items.find((i) => i.externalId === four.externalId).case).not.toBeNull();
    expect(items.find((i) => i.externalId === six.externalId).case).toBeNull();
  });

  it('open for a clearly negative mention, on channel social, and not for a neutral one', async () => {
    const source = await newSource();
    const angry = item(source, { text: '@acme the app keeps crashing, so frustrating' });
    const neutral = item(source, { text: 'Just ordered from @acme, arrives Tuesday' });
    await post(source, [angry, neutral]);
    const items = await itemsOf(source);
    const angryItem = items.find((i) => i.externalId === angry.externalId);
    expect(angryItem.sentiment).toBeLessThanOrEqual(-0.5);
    expect(angryItem.case.reason).toMatch(/^negative mention/);
    expect((await conversation(angryItem.case.conversationId)).channel).toBe('social');
    expect(items.find((i) => i.externalId === neutral.externalId).case).toBeNull();
  });

  it("raise the priority with the reach: the author's followers, or the site's visibility for a review", async () => {
    const source = await newSource({ visibility: 2_500 });
    const famous = item(source, {
      text: 'Worst service ever, never again',
      author: { handle: '@big', followers: 12_000 },
    });
    const known = item(source, {
      text: 'Worst service ever, never again',
      author: { handle: '@mid', followers: 1_500 },
    });
    const quiet = item(source, {
      text: 'Worst service ever, never again',
      author: { handle: '@few', followers: 10 },
    });
    const review = item(source, { rating: 1, author: { handle: '@reviewer', followers: 10 } });
    await post(source, [famous, known, quiet, review]);
    const items = await itemsOf(source);
    const priorityOf = async (x: { externalId: string }) =>
      (await conversation(items.find((i) => i.externalId === x.externalId).case.conversationId)).priority;
    expect(await priorityOf(famous)).toBe('urgent');
    expect(await priorityOf(known)).toBe('high');
    expect(await priorityOf(quiet)).toBe('normal');
    expect(items.find((i) => i.externalId === review.externalId).reach).toBe(2_500);
    expect(await priorityOf(review)).toBe('high');
  });

  it('take an edit into the same case, and count a rating raised after the follow-up as recovered', async () => {
    const source = await newSource();
    const one = item(source, { rating: 1, text: 'Never arrived.' });
    await post(source, [one]);
    const [opened] = await itemsOf(source);
    const edit = {
      ...one,
      rating: 2,
      text: 'Never arrived, still waiting.',
      updatedAt: '2026-11-03T00:00:00Z',
    };
    await post(source, [edit]);
    const recovered = {
      ...one,
      rating: 5,
      text: 'Arrived, and they called me!',
      updatedAt: '2026-11-04T00:00:00Z',
    };
    await post(source, [recovered]);
    const [after] = await itemsOf(source);
    expect(after.case.conversationId).toBe(opened.case.conversationId);
    expect(after.recovered).toMatchObject({ from: 2, to: 5 });
    const conv = await conversation(opened.case.conversationId);
    expect(conv.messages.map((m: any) => [m.role, m.text])).toEqual([
      ['customer', 'Never arrived.'],
      ['customer', 'Never arrived, still waiting.'],
      ['customer', 'Arrived, and they called me!'],
      ['system', expect.stringMatching(/^Recovered: /)],
    ]);
    expect(conv.messages[1].review.edit).toEqual({
      fromVersion: 1,
      ratingBefore: 1,
      textBefore: 'Never arrived.',
    });
    expect(conv.messages[2].review.recovered).toEqual({ from: 2, to: 5 });
    const all = (await api.get('/conversations?limit=200')).json.data;
    expect(all.filter((c: any) => c.id === opened.case.conversationId)).toHaveLength(1);
  });

  it('are not opened for a backfill, and nothing else is', async () => {
    const source = await newSource();
    const before = (await api.get('/promises?limit=200')).json.data.length;
    const res = await post(source, {
      backfill: true,
      items: [item(source, { rating: 1 }), item(source, { text: 'Worst service ever, never again' })],
    });
    expect(res.json).toMatchObject({ backfill: true, counts: { created: 2 } });
    const items = await itemsOf(source);
    expect(items.every((i) => i.backfill && i.case === null)).toBe(true);
    expect((await api.get('/promises?limit=200')).json.data.length).toBe(before);
  });
});

describe('matching customers', () => {
  it('finds a customer by social handle or by email, and shows which identity matched', async () => {
    const desk = helpDesk(api);
    const byHandle = await desk.customer([{ type: 'social', value: '@Dana_R' }]);
    const byEmail = await desk.customer([{ type: 'email', value: 'lee@example.test' }]);
    const source = await newSource();
    const a = item(source, { rating: 1, author: { handle: 'dana_r' } });
    const b = item(source, { rating: 5, author: { handle: '@lee', email: 'Lee@Example.test' } });
    await post(source, [a, b]);
    const items = await itemsOf(source);
    expect(items.find((i) => i.externalId === a.externalId).customer).toMatchObject({
      id: byHandle.id,
      matchedBy: 'social',
      identity: { type: 'social', value: 'dana_r' },
    });
    expect(items.find((i) => i.externalId === b.externalId).customer).toMatchObject({
      id: byEmail.id,
      matchedBy: 'email',
      identity: { type: 'email', value: 'lee@example.test' },
    });
    expect(
      (await conversation(items.find((i) => i.externalId === a.externalId).case.conversationId)).customerId,
    ).toBe(byHandle.id);
  });

  it('creates a customer for a stranger and suggests, never makes, a merge with a namesake', async () => {
    const namesake = await api.post('/customers', { name: 'Robin Vale', identities: [] });
    const source = await newSource();
    const x = item(source, { rating: 1, author: { handle: '@robinv', name: 'Robin  Vale' } });
    await post(source, [x]);
    const [kept] = await itemsOf(source);
    expect(kept.customer).toMatchObject({
      matchedBy: 'created',
      identity: { type: 'social', value: 'robinv' },
    });
    expect(kept.customer.id).not.toBe(namesake.json.id);
    expect(kept.suggestedMerges).toEqual([
      { customerId: namesake.json.id, name: 'Robin Vale', reason: 'same name' },
    ]);
    expect((await api.get(`/customers/${namesake.json.id}`)).json.mergedIntoId ?? null).toBeNull();
  });
});
