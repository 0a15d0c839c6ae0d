import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { eventsOf, inHours, promiseDesk } from './test-fixtures.js';

let t: TestApp;
let desk: Awaited<ReturnType<typeof promiseDesk>>;

const open = async (link: string, init: RequestInit = {}): Promise<Response> => t.app.request(link, init);
const answer = (link: string, value: string) =>
  open(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ answer: value }).toString(),
  });
const quote = (fields: Record<string, unknown> = {}) =>
  desk.promise({
    type: 'quote',
    terms: 'Annual plan, 20 seats: 4,800 EUR.',
    expiresAt: inHours(48),
    ...fields,
  });

beforeAll(async () => {
  t = await createTestApp();
  desk = await promiseDesk(t, 'Quotes');
}, 60_000);
afterAll(() => t?.close());

describe("a quote's signed link", () => {
  it('is carried by quotes only, and shows the terms with a way to accept', async () => {
    expect((await desk.promise()).link).toBeNull();
    const q = await quote({ terms: 'Annual plan <script>alert(1)</script> & more' });
    expect(q.link).toMatch(new RegExp(`^/q/${q.reference.replace('-', '')}\\?sig=`));
    const res = await open(q.link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).toContain('Annual plan &lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(page).not.toMatch(/<script|style=|<style/i);
    expect(page).toContain('name="answer" value="accept"');
    expect(page).toContain(q.reference);
  });

  it('answers 404 when the signature, the reference or the token is changed or missing', async () => {
    const q = await quote();
    const another = await quote();
    const [path, token] = q.link.split('?sig=');
    const flipped = token.slice(0, -3) + (token.at(-3) === 'A' ? 'B' : 'A') + token.slice(-2);
    const otherPath = another.link.split('?sig=')[0];
    for (const link of [`${path}?sig=${flipped}`, `${otherPath}?sig=${token}`, path, `${path}?sig=`]) {
      const res = await open(link);
      expect(res.status, link).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('PROMISE_NOT_FOUND');
      expect((await answer(link, 'accept')).status, link).toBe(404);
    }
    expect((await desk.api.get(`/promises/${q.id}`)).json.status).toBe('open');
  });

  it('lets the customer accept while valid: kept, and the owner is told by an event', async () => {
    const q = await quote();
    const res = await answer(q.link, 'accept');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Accepted on');
    const after = (await desk.api.get(`/promises/${q.id}`)).json;
    expect(after).toMatchObject({ status: 'kept', closedBy: 'customer', closedById: null });
    expect(await eventsOf(t, 'promise.kept', q.id)).toEqual([
      expect.objectContaining({ ownerId: desk.ownerId, by: 'customer', conversationId: desk.conversationId }),
    ]);
    // Accepting twice changes nothing and tells nobody twice.
    expect((await answer(q.link, 'accept')).status).toBe(200);
    expect(await eventsOf(t, 'promise.kept', q.id)).toHaveLength(1);
    expect((await open(q.link).then((r) => r.text())).includes('value="accept"')).toBe(false);
  });

  it('offers a renewal instead of accepting after expiry, and records the request', async () => {
    const q = await quote({ expiresAt: inHours(-1) });
    const page = await open(q.link).then((r) => r.text());
    expect(page).toContain('This quote has expired');
    expect(page).toContain('value="renew"');
    expect(page).not.toContain('value="accept"');

    // A late accept (say, a page left open) does not keep it: it expires.
    expect(await answer(q.link, 'accept').then((r) => r.text())).toContain('value="renew"');
    expect((await desk.api.get(`/promises/${q.id}`)).json.status).toBe('expired');
    expect(await eventsOf(t, 'promise.kept', q.id)).toEqual([]);
    expect(await eventsOf(t, 'promise.expired', q.id)).toHaveLength(1);

    const renewed = await answer(q.link, 'renew').then((r) => r.text());
    expect(renewed).toContain('You asked for a renewed quote');
    expect((await desk.api.get(`/promises/${q.id}`)).json.renewalRequestedAt).toBeTruthy();
    await answer(q.link, 'renew');
    expect(await eventsOf(t, 'promise.renewal_requested', q.id)).toEqual([
      expect.objectContaining({ ownerId: desk.ownerId, reference: q.reference }),
    ]);
  });

  it('refuses a form that is not an answer', async () => {
    const q = await quote();
    expect((await answer(q.link, 'haggle')).status).toBe(400);
    const asJson = await open(q.link, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"answer":"accept"}',
    });
    expect(asJson.status).toBe(415);
    expect((await desk.api.get(`/promises/${q.id}`)).json.status).toBe('open');
  });

  it('ends 30 days after the quote expired', async () => {
    const q = await quote({ expiresAt: inHours(-31 * 24) });
    expect((await open(q.link)).status).toBe(410);
  });

  it("cannot reach another workspace's quote", async () => {
    const theirs = await promiseDesk(t, 'Theirs');
    const q = await theirs.promise({ type: 'quote', terms: 'Secret price', expiresAt: inHours(48) });
    // The link works (it names its own workspace), but no staff route of another workspace finds it.
    expect((await open(q.link)).status).toBe(200);
    expect((await desk.api.get(`/promises/lookup?reference=${q.reference}`)).status).toBe(404);
    expect((await desk.api.get(`/promises/${q.id}`)).status).toBe(404);
  });
});
