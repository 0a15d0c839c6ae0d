import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackground, type Background } from '../../../test/support/start-background.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { buildApp } from '../../app/build-app.js';
import { createAppDeps } from '../../app/create-app-deps.js';
import type { AppDeps } from '../../platform/http/app-env.js';
import { slaTargets } from './schema.js';
import { runningPast, sweepClocksJob } from './sweep-clocks-job.js';
import { eventsOf, slaDesk } from './test-fixtures.js';

let t: TestApp;
let first: Background | undefined;
let second: { deps: AppDeps; background: Background } | undefined;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => {
  await first?.stop();
  await second?.background.stop();
  await second?.deps.events.close();
  await t?.close();
}, 60_000);

describe('the service-level sweep', () => {
  it('breaches, after a restart, a clock that fell due while no process ran', async () => {
    // The first process delivers the conversation's events, then stops (a deploy, a crash).
    first = await startBackground(t.deps);
    const d = await slaDesk(t, 'Restart', () => first!.dispatcher.drain());
    await d.policy({ name: 'Fast', targets: { firstHumanResponseSeconds: 1, resolutionSeconds: 86_400 } });
    const id = await d.open();
    const due = (await d.target(id, 'firstHumanResponse'))!.dueAt!;
    await first.stop();
    first = undefined;
    await waitUntil('the due time to pass', () => Date.now() > Date.parse(due) + 10, 5_000);

    // A new process on the same database: its own app, job queue and dispatcher. It registers the
    // minute schedule; the tick it would send at the next minute is sent here.
    const deps = createAppDeps(t.deps.config, t.handle);
    await deps.events.start();
    second = { deps, background: await startBackground(deps) };
    const schedules = await second.background.queue.boss.getSchedules();
    expect(schedules.find((s) => s.name === sweepClocksJob.name)?.cron).toBe('* * * * *');
    await second.background.queue.send(sweepClocksJob, {});

    const app = buildApp(deps);
    const statusOf = async () => {
      const res = await app.request(`/api/v1/conversations/${id}`, {
        headers: { authorization: `Bearer ${d.apiKey}` },
      });
      const body = (await res.json()) as { sla: { targets: { kind: string; status: string }[] } };
      return body.sla.targets.find((x) => x.kind === 'firstHumanResponse')!.status;
    };
    await waitUntil('the first response to breach', async () => (await statusOf()) === 'breached');
    expect(await eventsOf(t, 'sla.breached', id)).toEqual([
      expect.objectContaining({ kind: 'firstHumanResponse', dueAt: due }),
    ]);
    // The resolution clock, a day away, runs on.
    expect(await eventsOf(t, 'sla.breached', id)).toHaveLength(1);
  }, 60_000);

  it('asks each question through its partial index, not by reading every clock', async () => {
    for (const [moment, index] of [
      [slaTargets.dueAt, 'sla_targets_due_idx'],
      [slaTargets.warnAt, 'sla_targets_warn_idx'],
    ] as const) {
      const plan = await t.handle.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        const result = await tx.execute(sql`EXPLAIN ${runningPast(t.handle.db, moment, new Date())}`);
        return (result as unknown as { rows: Record<string, string>[] }).rows
          .map((r) => Object.values(r)[0])
          .join('\n');
      });
      expect(plan).toContain(index);
    }
  });
});
