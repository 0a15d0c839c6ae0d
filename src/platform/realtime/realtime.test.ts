import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../../../test/support/listen-on-loopback.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let base: string;
let stopListening: () => Promise<void>;

beforeAll(async () => {
  t = await createTestApp();
  ({ host: base, close: stopListening } = await listenOnLoopback(t));
});
afterAll(async () => {
  await stopListening();
  await t.close();
});

type Frame = { type: string; at: string; data: Record<string, unknown>; receivedAt: number };

function connect(key: string, headers: Record<string, string> = { authorization: `Bearer ${key}` }) {
  const socket = new WebSocket(`ws://${base}/api/v1/realtime`, { headers });
  const frames: Frame[] = [];
  const waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  socket.on('message', (raw) => {
    const frame = { ...(JSON.parse(String(raw)) as Frame), receivedAt: Date.now() };
    frames.push(frame);
    for (const w of waiters.filter((w) => w.match(frame))) w.resolve(frame);
  });
  // A generous wait, so a busy machine fails nothing; how fast delivery is gets asserted apart.
  const next = (match: (f: Frame) => boolean, ms = 10_000) =>
    new Promise<Frame>((resolve, reject) => {
      const found = frames.find(match);
      if (found) return resolve(found);
      const timer = setTimeout(
        () => reject(new Error(`no matching event within ${ms} ms; got ${frames.map((f) => f.type)}`)),
        ms,
      );
      waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  return { socket, frames, next };
}

describe('realtime events', () => {
  it('delivers new messages, assignments and status changes to the workspace within a second, and nothing to others', async () => {
    const acme = await t.workspace('Acme');
    const other = await t.workspace('Other');
    const mine = connect(acme.apiKey);
    const theirs = connect(other.apiKey);
    await mine.next((f) => f.type === 'ready');
    await theirs.next((f) => f.type === 'ready');

    const api = t.as(acme.apiKey);
    const customer = await api.post('/customers', { name: 'Rita' });
    const conv = await api.post('/conversations', {
      customerId: customer.json.id,
      channel: 'chat',
      message: { text: 'hello?' },
    });
    await api.post(`/conversations/${conv.json.id}/messages`, { role: 'customer', text: 'Is anyone there?' });
    const answered = Date.now();
    const message = await mine.next(
      (f) => f.type === 'conversation.message_added' && f.data.text === 'Is anyone there?',
    );
    // The same second as the write, whatever the write itself cost on a loaded machine.
    expect(message.receivedAt - answered).toBeLessThan(1_000);
    expect(message.data.conversationId).toBe(conv.json.id);

    await api.post(`/conversations/${conv.json.id}/assign`, { userId: acme.userId });
    await mine.next((f) => f.type === 'conversation.assigned' && f.data.toUserId === acme.userId);
    await api.post(`/conversations/${conv.json.id}/status`, { status: 'pending' });
    await mine.next((f) => f.type === 'conversation.status_changed' && f.data.to === 'pending');

    expect(theirs.frames.map((f) => f.type)).toEqual(['ready']);
    mine.socket.close();
    theirs.socket.close();
  });

  it('refuses an unauthenticated upgrade', async () => {
    const socket = new WebSocket(`ws://${base}/api/v1/realtime`);
    const status = await new Promise<number>((resolve) =>
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(401);
  });

  it('refuses an upgrade from a page on another site', async () => {
    const acme = await t.workspace('Origin');
    const socket = new WebSocket(`ws://${base}/api/v1/realtime`, {
      headers: { authorization: `Bearer ${acme.apiKey}`, origin: 'https://elsewhere.example' },
    });
    const status = await new Promise<number>((resolve) =>
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);
  });
});

describe('a socket whose credential ends', () => {
  const closed = (socket: WebSocket) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the socket stayed open')), 15_000);
      socket.on('close', (code) => (clearTimeout(timer), resolve(code)));
    });

  it('is closed when its session logs out', async () => {
    const acme = await t.workspace('Logout');
    const login = await t.request('POST', '/auth/login', {
      body: { email: acme.email, password: acme.password },
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const mine = connect('', { cookie });
    await mine.next((f) => f.type === 'ready');
    const closing = closed(mine.socket);
    expect((await t.request('POST', '/auth/logout', { cookie })).status).toBe(204);
    expect(await closing).toBe(4401);
  });

  it('is closed when its API key is revoked', async () => {
    const acme = await t.workspace('Revoke');
    const owner = t.as(acme.apiKey);
    const created = await owner.post('/api-keys', { name: 'Wallboard', role: 'agent' });
    expect(created.status).toBe(201);
    const board = connect(created.json.key);
    await board.next((f) => f.type === 'ready');
    const closing = closed(board.socket);
    expect((await owner.delete(`/api-keys/${created.json.id}`)).status).toBe(200);
    expect(await closing).toBe(4401);
  });
});
