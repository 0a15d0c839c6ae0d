import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent } from '../../../test/support/next-event.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { auditLog } from '../workspaces/schema.js';
import { maxPagesPerRun, pullSource } from './pull-source.js';

// A review site's feed on loopback: each test says what it answers next, and it keeps what it
// was asked.
let feed: Server;
let feedUrl: string;
type Answer = { status: number; body: unknown };
// What the feed answers next, or how it answers each page (by the cursor asked for).
let answer: Answer | ((cursor: string | null) => Answer) = { status: 200, body: [] };
const asked: { since: string | null; authorization: string | undefined; cursor?: string }[] = [];

let t: TestApp;
let api: ReturnType<TestApp['as']>;

beforeAll(async () => {
  feed = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const cursor = url.searchParams.get('cursor');
    asked.push({
      since: url.searchParams.get('since'),
      authorization: req.headers.authorization,
      ...(cursor ? { cursor } : {}),
    });
    const now = typeof answer === 'function' ? answer(cursor) : answer;
    res.writeHead(now.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(now.body));
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/reviews`;
  t = await createTestApp();
  api = t.as((await t.workspace('Acme')).apiKey);
}, 60_000);
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => feed.close(resolve));
});

const pulledSource = async (name: string, token: string) => {
  const created = await api.post('/channels/reviews', { name, source: 'g2', pull: { url: feedUrl, token } });
  expect(created.status, created.text).toBe(201);
  return created.json as { id: string };
};

const review = (externalId: string, createdAt: string, rating = 5) => ({
  source: 'g2',
  externalId,
  author: { handle: `@${externalId}` },
  rating,
  text: 'Does what it says.',
  createdAt,
});

describe('a pulled source', () => {
  it('stores what the feed answers, moves its checkpoint, and sends the checkpoint back', async () => {
    const created = await api.post('/channels/reviews', {
      name: 'G2',
      source: 'g2',
      pull: { url: feedUrl, token: 'feed-token-1' },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.text).not.toContain('feed-token-1');
    const id = created.json.id;
    answer = {
      status: 200,
      body: { items: [review('a', '2026-11-01T10:00:00Z'), review('b', '2026-11-02T10:00:00Z', 1)] },
    };
    expect(await pullSource(t.deps, id)).toEqual({
      stored: 2,
      checkpoint: '2026-11-02T10:00:00.000Z',
      pages: 1,
      more: false,
    });
    expect(asked.at(-1)).toEqual({ since: null, authorization: 'Bearer feed-token-1' });
    const items = (await api.get(`/channels/reviews/${id}/items`)).json.data;
    expect(items.map((i: { externalId: string }) => i.externalId).sort()).toEqual(['a', 'b']);
    // A low rating from the feed opens its case like a posted one.
    expect(items.find((i: { externalId: string }) => i.externalId === 'b').case).not.toBeNull();
    answer = { status: 200, body: [] };
    await pullSource(t.deps, id);
    expect(asked.at(-1)?.since).toBe('2026-11-02T10:00:00.000Z');
    expect((await api.get(`/channels/reviews/${id}`)).json.pull).toMatchObject({
      checkpoint: '2026-11-02T10:00:00.000Z',
      lastSuccessAt: expect.any(String),
    });
  });

  it('reads every page, newest first, up to a bound per run, and goes on from the cursor', async () => {
    const id = (await pulledSource('Trustpilot paged', 'paged')).id;
    // A backlog of 13 pages, newest first, each of two reviews; page n's cursor is "p<n>".
    const pageCount = maxPagesPerRun + 3;
    const day = (page: number, i: number) =>
      new Date(Date.UTC(2026, 10, 30 - page, 12 - i)).toISOString().replace('.000', '');
    let failOn: string | null = null;
    answer = (cursor) => {
      const page = cursor ? Number(cursor.slice(1)) : 0;
      if (failOn && cursor === failOn) return { status: 503, body: {} };
      return {
        status: 200,
        body: {
          items: [0, 1].map((i) => review(`page${page}-${i}`, day(page, i))),
          ...(page + 1 < pageCount ? { next: `p${page + 1}` } : {}),
        },
      };
    };
    const first = await pullSource(t.deps, id);
    expect(first).toEqual({
      stored: maxPagesPerRun * 2,
      checkpoint: null,
      pages: maxPagesPerRun,
      more: true,
    });
    // The checkpoint waits for the last page: the feed lists newest first.
    expect((await api.get(`/channels/reviews/${id}`)).json.pull.checkpoint).toBeNull();

    // The next run goes on from the cursor; a failure on a page keeps the pages before it.
    failOn = `p${maxPagesPerRun + 1}`;
    expect(await pullSource(t.deps, id)).toMatchObject({ needsReauth: false });
    expect(asked.at(-2)).toMatchObject({ cursor: `p${maxPagesPerRun}` });
    failOn = null;
    const last = await pullSource(t.deps, id);
    expect(asked.at(-1)).toMatchObject({ cursor: `p${pageCount - 1}` });
    expect(last).toEqual({ stored: 4, checkpoint: day(0, 0).replace('Z', '.000Z'), pages: 2, more: false });
    const items = (await api.get(`/channels/reviews/${id}/items?limit=100`)).json.data;
    expect(items).toHaveLength(pageCount * 2);

    // Up to date: the next poll starts again from the first page, since the newest item.
    answer = { status: 200, body: { items: [] } };
    await pullSource(t.deps, id);
    expect(asked.at(-1)).toEqual({ since: day(0, 0).replace('Z', '.000Z'), authorization: 'Bearer paged' });
  });

  it('becomes needs_reauth at once on a 401, alerts, keeps its checkpoint, and polls no more', async () => {
    const id = (await pulledSource('Capterra', 'expired')).id;
    answer = { status: 200, body: [review('c', '2026-11-05T10:00:00Z')] };
    await pullSource(t.deps, id);
    answer = { status: 401, body: { error: 'token expired' } };
    const alert = nextEvent(
      t.deps.events,
      'reviews.source_needs_reauth',
      (e) => e.data.sourceId === id,
      20_000,
    );
    expect(await pullSource(t.deps, id)).toMatchObject({ needsReauth: true });
    expect((await alert).data.error).toMatch(/HTTP 401/);
    const after = (await api.get(`/channels/reviews/${id}`)).json;
    expect(after).toMatchObject({
      status: 'needs_reauth',
      lastError: expect.stringMatching(/refused the credentials \(HTTP 401\)/),
      lastErrorAt: expect.any(String),
      pull: { checkpoint: '2026-11-05T10:00:00.000Z' },
    });
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'review_source.needs_reauth')));
    expect(audit).toHaveLength(1);
    const calls = asked.length;
    expect(await pullSource(t.deps, id)).toEqual({ skipped: 'not_pulled' });
    expect(asked.length).toBe(calls);

    // New credentials: active again, from where it was.
    const fixed = await api.patch(`/channels/reviews/${id}`, { pull: { url: feedUrl, token: 'fresh' } });
    expect(fixed.json).toMatchObject({ status: 'active', lastError: null });
    answer = { status: 200, body: [] };
    await pullSource(t.deps, id);
    expect(asked.at(-1)).toEqual({ since: '2026-11-05T10:00:00.000Z', authorization: 'Bearer fresh' });
  });

  it('keeps its checkpoint when the feed fails or answers what is not a delivery', async () => {
    const id = (await pulledSource('Yelp', 't')).id;
    answer = { status: 200, body: [review('d', '2026-11-06T10:00:00Z')] };
    await pullSource(t.deps, id);
    for (const next of [
      { status: 500, body: {} },
      { status: 200, body: { nothing: true } },
    ]) {
      answer = next;
      expect(await pullSource(t.deps, id)).toMatchObject({ needsReauth: false });
      const source = (await api.get(`/channels/reviews/${id}`)).json;
      expect(source).toMatchObject({ status: 'active', pull: { checkpoint: '2026-11-06T10:00:00.000Z' } });
      expect(source.lastError).toBeTruthy();
    }
  });
});
