import { eq } from 'drizzle-orm';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../../../test/support/listen-on-loopback.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { routingAgents } from './schema.js';
import { freshMs } from '../../platform/realtime/staff-sockets.js';
import { staleSeconds, sweepRouting, sweepSeconds } from './sweep-routing-job.js';
import { routingDesk } from './test-fixtures.js';

let t: TestApp;
let host: string;
let stopListening: () => Promise<void>;

beforeAll(async () => {
  // No workers: each test sweeps by calling what the job calls, at the time it chooses.
  t = await createTestApp();
  ({ host, close: stopListening } = await listenOnLoopback(t));
}, 60_000);
afterAll(async () => {
  await stopListening?.();
  await t?.close();
}, 60_000);

const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

/** A desk whose owner is also its one agent, acting through an agent's API key. */
async function agentDesk() {
  const d = await routingDesk(t, { agents: 0 });
  const res = await d.api.post(`/teams/${d.teamId}/members`, { userId: d.userId });
  expect(res.status, res.text).toBe(200);
  await d.api.patch(`/users/${d.userId}`, { capacity: { chat: 5 } });
  const key = (await d.api.post('/api-keys', { name: 'Agent desk', role: 'agent' })).json.key as string;
  const status = async () =>
    (await t.handle.db.select().from(routingAgents).where(eq(routingAgents.userId, d.userId)))[0]!.status;
  return { ...d, agent: t.as(key), key, status };
}

describe('a lost heartbeat or socket', () => {
  it('makes the agent away within a minute, and returns their unanswered conversations with their original enqueuedAt', async () => {
    // A socket's last answer counts for freshMs, an agent is stale 40 s after it and swept every
    // 10: a connection that died silently is noticed under a minute after its last answer.
    expect(freshMs / 1000 + staleSeconds + sweepSeconds).toBeLessThan(60);
    const d = await agentDesk();
    expect((await d.agent.put('/me/presence', { status: 'online' })).status).toBe(200);
    const waiting = await d.wait();
    const before = await d.routing(waiting);
    expect(await d.dispatch()).toBe(1);
    expect(await d.routing(waiting)).toMatchObject({ state: 'offered', agentId: d.userId });

    // Heartbeats keep the agent online for as long as they come.
    const beat = await d.agent.post('/me/heartbeat', {});
    expect(beat.status, beat.text).toBe(200);
    expect(beat.json).toMatchObject({ userId: d.userId, status: 'online', returned: 0 });
    expect((await sweepRouting(t.deps, later(staleSeconds - 5))).away).toBe(0);
    expect(await d.status()).toBe('online');

    // They stop: the next sweep after 45 s makes the agent away and gives the offer back.
    await sweepRouting(t.deps, later(staleSeconds + 1));
    expect(await d.status()).toBe('away');
    expect(await d.routing(waiting)).toMatchObject({
      state: 'queued',
      agentId: null,
      position: 1,
      enqueuedAt: before!.enqueuedAt,
    });
    // A heartbeat from a tab left open does not bring an away agent back; saying so does.
    expect((await d.agent.post('/me/heartbeat', {})).json.status).toBe('away');
    expect(await d.status()).toBe('away');
  });

  it('counts an open realtime socket as alive, and a closed one no longer', async () => {
    const d = await agentDesk();
    expect((await d.agent.put('/me/presence', { status: 'online' })).status).toBe(200);
    const socket = new WebSocket(`ws://${host}/api/v1/realtime`, {
      headers: { authorization: `Bearer ${d.key}` },
    });
    await new Promise((resolve, reject) => socket.once('message', resolve).once('error', reject));
    expect(t.deps.staffSockets.members()).toContainEqual({ workspaceId: d.workspaceId, userId: d.userId });

    // No heartbeat at all, yet the open socket keeps the agent online through sweep after sweep.
    for (const seconds of [staleSeconds + 1, 2 * staleSeconds + 2, 3 * staleSeconds + 3]) {
      await sweepRouting(t.deps, later(seconds));
      expect(await d.status()).toBe('online');
    }
    socket.close();
    await waitUntil('the socket gone', () =>
      t.deps.staffSockets.members().every((m) => m.userId !== d.userId),
    );
    // Last seen at the last sweep: one more stale period later, away.
    await sweepRouting(t.deps, later(3 * staleSeconds + 3 + sweepSeconds));
    expect(await d.status()).toBe('online');
    await sweepRouting(t.deps, later(4 * staleSeconds + 4));
    expect(await d.status()).toBe('away');
  });

  it('stops counting a socket that no longer answers pings, while one that answers still counts', async () => {
    const quiet = await agentDesk();
    const lively = await agentDesk();
    // autoPong off: a connection whose peer is gone without closing (asleep, dropped network).
    const open = (d: typeof quiet, autoPong: boolean) =>
      new WebSocket(`ws://${host}/api/v1/realtime`, {
        headers: { authorization: `Bearer ${d.key}` },
        autoPong,
      });
    const sockets = [open(quiet, false), open(lively, true)];
    await Promise.all(
      sockets.map((s) => new Promise((resolve, reject) => s.once('message', resolve).once('error', reject))),
    );
    const counted = (d: typeof quiet) => t.deps.staffSockets.members().some((m) => m.userId === d.userId);
    expect(counted(quiet) && counted(lively)).toBe(true);
    await waitUntil('the silent socket no longer counted', () => !counted(quiet));
    expect(counted(lively)).toBe(true);
    for (const s of sockets) s.close();
  });

  it("only ever marks the caller's own workspace member seen", async () => {
    const a = await agentDesk();
    const b = await agentDesk();
    await a.agent.put('/me/presence', { status: 'online' });
    await b.agent.put('/me/presence', { status: 'online' });
    // B beats; A does not.
    await b.agent.post('/me/heartbeat', {});
    const seenOf = async (userId: string) =>
      (await t.handle.db.select().from(routingAgents).where(eq(routingAgents.userId, userId)))[0]!;
    expect((await seenOf(b.userId)).workspaceId).toBe(b.workspaceId);
    expect((await seenOf(a.userId)).lastSeenAt!.getTime()).toBeLessThan(
      (await seenOf(b.userId)).lastSeenAt!.getTime(),
    );
    expect((await b.api.put(`/users/${a.userId}/presence`, { status: 'online' })).status).toBe(404);
  });
});
