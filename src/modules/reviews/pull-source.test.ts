import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent } from '../../../test/support/next-event.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { auditLog } from '../workspaces/schema.js';
import { pullSource } from './pull-source.js';

// A review site's feed on loopback: each test says what it answers next, and it keeps what it
// was asked.
let feed: Server;
let feedUrl: string;
let answer: { status: number; body: unknown } = { status: 200, body: [] };
const asked: { since: string | null; authorization: string | undefined }[] = [];

let t: TestApp;
let api: ReturnType<TestApp['as']>;

beforeAll(async () => {
  feed = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    asked.push({ since: url.searchParams.get('since'), authorization: req.headers.authorization });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
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
    expect(await pullSource(t.deps, id)).toEqual({ stored: 2, checkpoint: '2026-11-02T10:00:00.000Z' });
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
