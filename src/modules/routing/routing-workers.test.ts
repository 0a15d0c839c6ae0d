import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { routingAgents } from './schema.js';
import { sweepRoutingJob } from './sweep-routing-job.js';
import { routingDesk } from './test-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  // As `earshot serve` runs: the dispatcher delivers routing's events to its listener.
  t = await createTestApp({ workers: true });
}, 60_000);
afterAll(async () => t?.close(), 60_000);

describe('routing with workers', () => {
  it('offers the next waiting conversation within 2 seconds of capacity freeing', async () => {
    const d = await routingDesk(t, { agents: 1, capacity: { chat: 1 } });
    const [agent] = d.agents;
    await d.presence(agent!, 'online');
    const first = await d.wait('first');
    const second = await d.wait('second');
    await waitUntil('the first offered', async () => (await d.routing(first))?.state === 'offered');
    expect(await d.routing(second)).toMatchObject({ state: 'queued', position: 1 });

    const freedAt = Date.now();
    await d.desk.status(first, 'resolved');
    await waitUntil('the second offered', async () => (await d.routing(second))?.state === 'offered', 5_000);
    expect(await d.routing(second)).toMatchObject({ agentId: agent });
    // Timed by the offer's own clock, not by when this test's polling saw it: the first scoring
    // of the resolved conversation loads the language model in this same process, which can hold
    // a poll back for most of a second on a busy machine.
    const offered = (await d.items()).find((i) => i.conversationId === second)!;
    expect(offered.offeredAt!.getTime() - freedAt).toBeLessThan(2_000);
  });

  it('offers waiting work when an agent comes online, and when a team turns automatic assignment on', async () => {
    const d = await routingDesk(t, { agents: 1, capacity: { chat: 5 } });
    const waiting = await d.wait();
    await d.presence(d.agents[0]!, 'online');
    await waitUntil('offered on coming online', async () => (await d.routing(waiting))?.state === 'offered');

    const off = await d.api.patch(`/teams/${d.teamId}`, { autoAssign: false });
    expect(off.status).toBe(200);
    const later = await d.wait();
    const on = await d.api.patch(`/teams/${d.teamId}`, { autoAssign: true });
    expect(on.status).toBe(200);
    await waitUntil('offered once turned on', async () => (await d.routing(later))?.state === 'offered');
  });

  it('sweeps as a durable job: a stopped heartbeat reads as away, and the next sweep is queued', async () => {
    const d = await routingDesk(t, { agents: 1, capacity: { chat: 5 } });
    const [agent] = d.agents;
    await d.presence(agent!, 'online');
    // Last seen a minute ago: the heartbeat stopped.
    await d.scoped((ctx) =>
      ctx.tx
        .update(routingAgents)
        .set({ lastSeenAt: new Date(Date.now() - 60_000) })
        .where(eq(routingAgents.userId, agent!)),
    );
    // The cron starts the chain each minute; here it is started at once.
    await t.background!.queue.send(sweepRoutingJob, {});
    await waitUntil(
      'the agent away',
      async () => (await d.loads()).find((l) => l.userId === agent)?.status === 'away',
    );
    await waitUntil('the next sweep queued', async () => {
      const queued = await t.handle.db.execute(
        sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'routing.sweep' AND state = 'created' AND start_after > now()`,
      );
      return (queued as unknown as { rows: { n: number }[] }).rows[0]!.n === 1;
    });
  });
});
