import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { openPglite, openPostgres, type DbHandle } from '../../db/client.js';
import {
  createJobQueue,
  defineJob,
  JobPayloadError,
  type JobContext,
  type JobQueueOptions,
} from './index.js';

type Target = {
  name: string;
  /** The same `location` opens the same stored data again; `seed` fills a new one faster. */
  open(location: string, seed?: DbHandle): Promise<DbHandle>;
  bossSchema: string;
};

const targets: Target[] = [
  {
    name: 'PGlite',
    // Loading a copy takes about a third of the time of a fresh initdb.
    open: async (dataDir, seed) =>
      openPglite({
        dataDir,
        loadDataDir: seed?.kind === 'pglite' ? await seed.pglite.dumpDataDir('none') : undefined,
      }),
    bossSchema: 'pgboss',
  },
];
if (process.env.DATABASE_URL) {
  const url = process.env.DATABASE_URL;
  targets.push({
    name: 'PostgreSQL',
    open: async () => openPostgres(url, 2),
    bossSchema: `pgboss_test_${randomBytes(4).toString('hex')}`,
  });
}

type LogLine = { level: number; msg: string; job?: string; retryCount?: number };

function captureLogger() {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const greet = defineJob({
  name: 'test.greet',
  schema: z.object({ customerId: z.uuid(), note: z.string().max(20) }),
  handler: async () => {},
});

describe.each(targets)('job queue on $name', (target) => {
  const folders: string[] = [];
  let shared: DbHandle;

  async function folder(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'earshot-jobs-'));
    folders.push(dir);
    return dir;
  }

  async function startQueue<Deps extends object>(handle: DbHandle, extra: Partial<JobQueueOptions> = {}) {
    const queue = createJobQueue<Deps>({
      handle,
      schema: target.bossSchema,
      pollingIntervalSeconds: 0.5,
      logger: pino({ level: 'silent' }),
      ...extra,
    });
    await queue.start();
    return queue;
  }

  beforeAll(async () => {
    shared = await target.open(await folder());
  }, 60_000);

  afterAll(async () => {
    if (target.name === 'PostgreSQL' && shared) {
      await shared.db.execute(sql.raw(`DROP SCHEMA IF EXISTS ${target.bossSchema} CASCADE`));
    }
    await shared?.close();
    await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
  }, 30_000);

  it('refuses a bad payload, naming the field, and queues nothing', async () => {
    const queue = await startQueue(shared);
    onTestFinished(() => queue.stop());
    await queue.register([greet]);

    const sending = queue.send(greet, { customerId: 'not-a-uuid', note: 'hi' });
    await expect(sending).rejects.toBeInstanceOf(JobPayloadError);
    await expect(sending).rejects.toThrow(/customerId/);
    // @ts-expect-error the compiler catches a missing field too; the check must hold without it
    await expect(queue.send(greet, { customerId: randomUUID() })).rejects.toThrow(/note/);

    expect(await queue.boss.findJobs(greet.name)).toEqual([]);
  }, 30_000);

  it('keeps a delayed job across a restart and runs it after', async () => {
    const location = await folder();
    const ran = deferred<{ payload: { promiseId: string }; at: number }>();
    const remind = defineJob({
      name: 'test.remind',
      schema: z.object({ promiseId: z.string() }),
      handler: async (payload) => ran.resolve({ payload, at: Date.now() }),
    });

    // An API process: it sends but runs no workers.
    const first = await target.open(location, shared);
    const api = await startQueue(first);
    await api.register([remind]);
    const sentAt = Date.now();
    const jobId = await api.send(remind, { promiseId: 'P-1001' }, { startAfter: 1 });
    expect(jobId).toEqual(expect.any(String));
    await api.stop();
    await first.close();

    const second = await target.open(location);
    onTestFinished(() => second.close());
    const worker = await startQueue(second);
    onTestFinished(() => worker.stop());
    await worker.register([remind]);
    await worker.work();

    const { payload, at } = await within(ran.promise, 15_000, 'the reminder to run after the restart');
    expect(payload).toEqual({ promiseId: 'P-1001' });
    expect(at - sentAt).toBeGreaterThanOrEqual(900);
  }, 60_000);

  it('retries a failing handler until it succeeds, logging each failure', async () => {
    const { logger, lines } = captureLogger();
    const attempts: number[] = [];
    const succeeded = deferred<string>();
    const flaky = defineJob({
      name: 'test.flaky',
      schema: z.object({ to: z.email() }),
      handler: async (payload, ctx) => {
        attempts.push(ctx.retryCount);
        if (attempts.length < 3) throw new Error(`smtp refused (attempt ${attempts.length})`);
        succeeded.resolve(payload.to);
      },
      options: { retryLimit: 2, retryDelaySeconds: 0, retryBackoff: false },
    });

    const queue = await startQueue(shared, { logger });
    onTestFinished(() => queue.stop());
    await queue.register([flaky]);
    await queue.work();
    const jobId = await queue.send(flaky, { to: 'ana@example.com' });

    expect(await within(succeeded.promise, 15_000, 'the third attempt')).toBe('ana@example.com');
    expect(attempts).toEqual([0, 1, 2]);
    const failures = lines.filter((l) => l.msg === 'job failed; it will be retried');
    expect(failures.map((l) => l.retryCount)).toEqual([0, 1]);
    await until(
      async () => (await queue.boss.findJobs(flaky.name, { id: jobId! }))[0]?.state === 'completed',
      10_000,
      'the job to be marked completed',
    );
  }, 60_000);

  it("hands the app's dependencies and the job's identity to the handler", async () => {
    type Deps = { mailer: { send(to: string): Promise<void> } };
    const delivered = deferred<{ to: string; jobId: string }>();
    const welcome = defineJob({
      name: 'test.welcome',
      schema: z.object({ to: z.email() }),
      handler: async (payload, ctx: JobContext<Deps>) => {
        await ctx.mailer.send(payload.to);
        delivered.resolve({ to: payload.to, jobId: ctx.jobId });
      },
    });
    const queue = await startQueue<Deps>(shared);
    onTestFinished(() => queue.stop());
    const sent: string[] = [];
    await queue.register([welcome], { mailer: { send: async (to) => void sent.push(to) } });
    await queue.work();
    const jobId = await queue.send(welcome, { to: 'bo@example.com' });

    expect(await within(delivered.promise, 15_000, 'the welcome job')).toEqual({
      to: 'bo@example.com',
      jobId,
    });
    expect(sent).toEqual(['bo@example.com']);
    // Compile-time only: a queue whose dependencies lack the mailer cannot take this job.
    // @ts-expect-error the mailer is missing
    const mismatched = () => createJobQueue<{ other: true }>({ handle: shared }).register([welcome]);
    expect(mismatched).toBeTypeOf('function');
  }, 30_000);

  it('drains a backlog in full batches without waiting for a poll between them', async () => {
    const done: number[] = [];
    const all = deferred<void>();
    const count = 12;
    const tally = defineJob({
      name: 'test.tally',
      schema: z.object({ n: z.number().int() }),
      handler: async (payload) => {
        done.push(payload.n);
        if (done.length === count) all.resolve();
      },
      options: { batchSize: 3 },
    });
    // Polls five seconds apart: twelve jobs three at a time would take three polls, 15 s, without
    // fetching again at once after a full batch.
    const queue = await startQueue(shared, { pollingIntervalSeconds: 5 });
    onTestFinished(() => queue.stop());
    await queue.register([tally]);
    for (let n = 0; n < count; n++) await queue.send(tally, { n });
    const started = Date.now();
    await queue.work();
    await within(all.promise, 30_000, 'the backlog');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(done.sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
  }, 40_000);

  it('fails a stored payload that no longer matches without retrying it', async () => {
    const { logger, lines } = captureLogger();
    const strict = defineJob({
      name: 'test.strict',
      schema: z.object({ count: z.number().int() }),
      handler: async () => {},
      options: { retryLimit: 3, retryDelaySeconds: 0, retryBackoff: false },
    });
    const queue = await startQueue(shared, { logger });
    onTestFinished(() => queue.stop());
    await queue.register([strict]);
    // Written around the schema, as an older release or a hand-made row would.
    const jobId = await queue.boss.send(strict.name, { count: 'three' });
    await queue.work();

    await until(
      async () => (await queue.boss.findJobs(strict.name, { id: jobId! }))[0]?.state === 'failed',
      10_000,
      'the job to fail',
    );
    const [job] = await queue.boss.findJobs(strict.name, { id: jobId! });
    expect(job?.retryCount).toBe(0);
    expect(lines.some((l) => l.msg.includes('does not match its schema'))).toBe(true);
  }, 30_000);

  it('inserts a job inside a transaction only when it commits', async () => {
    const audit = defineJob({
      name: 'test.audit',
      schema: z.object({ step: z.string() }),
      handler: async () => {},
    });
    const queue = await startQueue(shared);
    onTestFinished(() => queue.stop());
    await queue.register([audit]);

    await shared.db.transaction(async (tx) => {
      await queue.send(audit, { step: 'kept' }, { tx });
    });
    await expect(
      shared.db.transaction(async (tx) => {
        await queue.send(audit, { step: 'dropped' }, { tx });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');

    const jobs = await queue.boss.findJobs<{ step: string }>(audit.name);
    expect(jobs.map((j) => j.data.step)).toEqual(['kept']);
  }, 30_000);

  it('keeps one queued job per singleton key', async () => {
    const callback = defineJob({
      name: 'test.callback',
      schema: z.object({ conversationId: z.string() }),
      handler: async () => {},
      options: { policy: 'short', singletonKey: (p) => p.conversationId },
    });
    const queue = await startQueue(shared);
    onTestFinished(() => queue.stop());
    await queue.register([callback]);

    const first = await queue.send(callback, { conversationId: 'c-1' }, { startAfter: 3600 });
    const again = await queue.send(callback, { conversationId: 'c-1' }, { startAfter: 3600 });
    const other = await queue.send(callback, { conversationId: 'c-2' }, { startAfter: 3600 });
    expect(first).toEqual(expect.any(String));
    expect(again).toBeNull();
    expect(other).toEqual(expect.any(String));
  }, 30_000);
});
