import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpDesk } from '../../../test/support/help-desk.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let server: Server;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) =>
    server.listening ? resolve() : server.once('listening', () => resolve()),
  );
  await t.app.attachServer(server);
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await t.app.detachServer();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

type Frame = { type: string; data: Record<string, any> };

function connect(url: string, protocols?: string[]) {
  const socket = new WebSocket(url, protocols);
  const frames: Frame[] = [];
  const waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  socket.on('message', (raw) => {
    const frame = JSON.parse(String(raw)) as Frame;
    frames.push(frame);
    for (const w of waiters.filter((w) => w.match(frame))) w.resolve(frame);
  });
  // Generous: the machine is shared and loaded; what matters is that the frame comes.
  const next = (match: (f: Frame) => boolean, ms = 15_000) =>
    new Promise<Frame>((resolve, reject) => {
      const found = frames.find(match);
      if (found) return resolve(found);
      const timer = setTimeout(
        () => reject(new Error(`no matching frame; got ${JSON.stringify(frames)}`)),
        ms,
      );
      waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  return { socket, frames, next, closed };
}

async function visitorIn(apiKey: string) {
  const widget = await t.as(apiKey).get('/channels/widget');
  const session = await t.request('POST', '/widget/sessions', {
    body: { workspaceKey: widget.json.workspaceKey },
  });
  expect(session.status, session.text).toBe(201);
  return session.json.token as string;
}

describe('visitor live updates', () => {
  it("delivers an agent's reply and queue changes to the visitor, and nothing of anyone else's", async () => {
    const ws = await t.workspace();
    const api = t.as(ws.apiKey);
    const desk = helpDesk(api);
    const team = await desk.team('Live chat', []);
    await api.patch('/channels/widget', { teamId: team.id });
    const token = await visitorIn(ws.apiKey);
    const otherToken = await visitorIn(ws.apiKey);
    const post = (key: string, path: string, body: unknown) => t.request('POST', path, { key, body });
    // Someone ahead in the queue, then the visitor's own chat.
    const ahead = (await post(otherToken, '/widget/conversations', { text: 'first!', clientId: 'o' })).json
      .id;
    const mine = (await post(token, '/widget/conversations', { text: 'hello', clientId: 'm' })).json.id;

    const live = connect(`ws://${base}/api/v1/widget/live?token=${encodeURIComponent(token)}`);
    await live.next((f) => f.type === 'ready');
    const queued = await live.next((f) => f.type === 'routing' && f.data.conversationId === mine);
    expect(queued.data.routing).toMatchObject({ state: 'queued', position: 2 });

    await desk.say(mine, 'agent', 'Hi, I am here to help.');
    await desk.say(mine, 'agent', 'an internal note', true);
    const reply = await live.next((f) => f.type === 'message' && f.data.text === 'Hi, I am here to help.');
    expect(reply.data).toMatchObject({ conversationId: mine, role: 'agent', seq: 2 });
    expect(reply.data.createdAt).toEqual(expect.any(String));

    // The one ahead is resolved: the visitor moves up.
    await desk.status(ahead, 'resolved');
    const moved = await live.next(
      (f) => f.type === 'routing' && f.data.conversationId === mine && f.data.routing.position === 1,
    );
    expect(moved.data.routing.state).toBe('queued');
    await post(token, `/widget/conversations/${mine}/messages`, { text: 'thanks', clientId: 'm2' });
    await live.next((f) => f.type === 'message' && f.data.text === 'thanks' && f.data.clientId === 'm2');

    expect(live.frames.some((f) => JSON.stringify(f).includes('internal note'))).toBe(false);
    expect(live.frames.some((f) => f.data.conversationId === ahead)).toBe(false);
    expect(live.frames.some((f) => JSON.stringify(f).includes('first!'))).toBe(false);
    live.socket.close();
  });

  it('accepts the token as a subprotocol, and refuses a missing, forged or staff credential', async () => {
    const ws = await t.workspace();
    const token = await visitorIn(ws.apiKey);
    const byProtocol = connect(`ws://${base}/api/v1/widget/live`, ['earshot-visitor', token]);
    await byProtocol.next((f) => f.type === 'ready');
    expect(byProtocol.socket.protocol).toBe('earshot-visitor');
    byProtocol.socket.close();
    for (const query of ['', `?token=${ws.apiKey}`, `?token=${token.slice(0, -2)}xx`]) {
      const refused = new WebSocket(`ws://${base}/api/v1/widget/live${query}`);
      const status = await new Promise<number>((resolve) =>
        refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
      );
      expect(status, query).toBe(401);
    }
  });
});
