import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackground, type Background } from '../../../test/support/start-background.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { sql } from 'drizzle-orm';
import { promises } from './schema.js';
import { openPast, sweepPromises, sweepPromisesJob } from './sweep-promises-job.js';
import { eventsOf, inHours, promiseDesk } from './test-fixtures.js';

let t: TestApp;
let desk: Awaited<ReturnType<typeof promiseDesk>>;
let background: Background | undefined;

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000);
const statusOf = async (id: string) => (await desk.api.get(`/promises/${id}`)).json.status as string;

beforeAll(async () => {
  // No workers at first: promises fall due while nothing runs, as during a deploy or a crash.
  t = await createTestApp();
  desk = await promiseDesk(t, 'Sweep');
}, 60_000);
afterAll(async () => {
  await background?.stop();
  await t?.close();
}, 60_000);

describe('the promise sweep', () => {
  it('reminds the owner before the due time, and a customer reply cancels neither promise nor reminder', async () => {
    const p = await desk.promise({ type: 'callback', dueAt: inHours(3) });
    await desk.desk.say(desk.conversationId, 'customer', 'Thanks, talk soon. Actually, never mind!');
    expect(await statusOf(p.id)).toBe('open');

    await sweepPromises(t.deps, hoursFromNow(1.5));
    expect(await eventsOf(t, 'promise.reminder_due', p.id)).toEqual([]);
    await sweepPromises(t.deps, hoursFromNow(2.5));
    await sweepPromises(t.deps, hoursFromNow(2.6));
    expect(await eventsOf(t, 'promise.reminder_due', p.id)).toEqual([
      expect.objectContaining({ ownerId: desk.ownerId, dueAt: p.dueAt, type: 'callback' }),
    ]);
    const reminded = (await desk.api.get(`/promises/${p.id}`)).json;
    expect(reminded).toMatchObject({ status: 'open', remindAt: null });
    expect(reminded.remindedAt).toBeTruthy();
  });

  it('breaks an open promise only after its due time plus the grace, once', async () => {
    const p = await desk.promise({ dueAt: inHours(3) });
    await sweepPromises(t.deps, hoursFromNow(3.2)); // due, but within the 15 minutes of grace
    expect(await statusOf(p.id)).toBe('open');
    await sweepPromises(t.deps, hoursFromNow(3.3));
    await sweepPromises(t.deps, hoursFromNow(3.4));
    expect(await statusOf(p.id)).toBe('broken');
    expect(await eventsOf(t, 'promise.broken', p.id)).toEqual([
      expect.objectContaining({ ownerId: desk.ownerId, dueAt: p.dueAt, breaksAt: p.breaksAt }),
    ]);
  });

  it('expires an offer at its expiry, before it could break; leaves closed promises alone', async () => {
    const coupon = await desk.promise({ type: 'coupon', dueAt: inHours(5), expiresAt: inHours(1) });
    const kept = await desk.promise({ dueAt: inHours(1) });
    await desk.api.post(`/promises/${kept.id}/kept`);
    await sweepPromises(t.deps, hoursFromNow(6));
    expect(await statusOf(coupon.id)).toBe('expired');
    expect(await eventsOf(t, 'promise.broken', coupon.id)).toEqual([]);
    expect(await eventsOf(t, 'promise.expired', coupon.id)).toHaveLength(1);
    expect(await statusOf(kept.id)).toBe('kept');
    expect(await eventsOf(t, 'promise.broken', kept.id)).toEqual([]);
  });

  it('settles, once workers start, what fell due while none ran', async () => {
    const overdue = await desk.promise({ dueAt: inHours(-2) });
    const lapsed = await desk.promise({ type: 'quote', dueAt: inHours(24), expiresAt: inHours(-1) });
    const pending = await desk.promise({ dueAt: inHours(5) });
    expect(await statusOf(overdue.id)).toBe('open');

    // A worker process starts on the same database: it registers the minute schedule, and the
    // tick it would send at the next minute is sent here so the test need not wait for it.
    background = await startBackground(t.deps);
    const schedules = await background.queue.boss.getSchedules();
    expect(schedules.find((s) => s.name === sweepPromisesJob.name)?.cron).toBe('* * * * *');
    await background.queue.send(sweepPromisesJob, {});

    await waitUntil('the overdue promise to break', async () => (await statusOf(overdue.id)) === 'broken');
    await waitUntil('the lapsed quote to expire', async () => (await statusOf(lapsed.id)) === 'expired');
    expect(await statusOf(pending.id)).toBe('open');
    expect(await eventsOf(t, 'promise.broken', overdue.id)).toHaveLength(1);
  }, 60_000);

  it('asks each question through its index, not by reading every promise', async () => {
    // The test tables are small enough that the planner would rather scan; forbidding the scan
    // shows that the query's shape lets an index answer it.
    const moments = [
      [promises.expiresAt, 'promises_expires_idx'],
      [promises.breaksAt, 'promises_breaks_idx'],
      [promises.remindAt, 'promises_remind_idx'],
    ] as const;
    for (const [moment, index] of moments) {
      const plan = await t.handle.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        const result = await tx.execute(sql`EXPLAIN ${openPast(t.handle.db, moment, new Date())}`);
        return (result as unknown as { rows: Record<string, string>[] }).rows
          .map((r) => Object.values(r)[0])
          .join('\n');
      });
      expect(plan).toContain(`Index Scan using ${index} `);
    }
  });
});
