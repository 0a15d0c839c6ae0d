import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import { largeMail } from '../test/support/mail.js';
import { pino } from 'pino';
import { buildApp } from '../src/app/build-app.js';
import { createAppDeps } from '../src/app/create-app-deps.js';
import { jobDefinitions } from '../src/app/job-definitions.js';
import { startDispatcher } from '../src/app/start-dispatcher.js';
import { parseConfig } from '../src/config/env.js';
import type { DbHandle } from '../src/db/client.js';
import { startSmtpListener } from '../src/modules/email/index.js';
import { bootstrapWorkspace } from '../src/modules/identity/index.js';
import type { AppDeps } from '../src/platform/http/app-env.js';
import { createJobQueue } from '../src/platform/jobs/index.js';

export type EmailFigures = {
  messages: number;
  senders: number;
  /** SMTP 250 for every message, from the first MAIL FROM. */
  acceptedPerSecond: number;
  /** Accepted, parsed, threaded: every message out of `received`, from the first MAIL FROM. */
  routedPerSecond: number;
  states: Record<string, number>;
  /** The same raw bytes INSERTed straight through the driver into a bare copy of the table. */
  rawInsertPerSecond: number;
  rawInserters: number;
  ratio: number;
  large: {
    bytes: number;
    baseline: Memory;
    /** The peak while the message is sent and stored (until 250), from `baseline`. */
    receivePeak: Memory;
    /** Memory once it is stored, and the peak while it is then parsed and routed from there. */
    afterReceive: Memory;
    parsePeak: Memory;
    state: string;
  };
};
type Memory = { rssMb: number; heapMb: number; externalMb: number };

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
const memory = (): Memory => {
  const m = process.memoryUsage();
  // `external` already counts the ArrayBuffers (Buffers) among the memory outside the JS heap.
  return { rssMb: mb(m.rss), heapMb: mb(m.heapUsed), externalMb: mb(m.external) };
};
const peakOf = (a: Memory, b: Memory): Memory => ({
  rssMb: Math.max(a.rssMb, b.rssMb),
  heapMb: Math.max(a.heapMb, b.heapMb),
  externalMb: Math.max(a.externalMb, b.externalMb),
});

/** Samples memory every 10 ms until stopped; returns the peak. */
function watchMemory() {
  let peak = memory();
  const timer = setInterval(() => (peak = peakOf(peak, memory())), 10);
  return () => {
    clearInterval(timer);
    return peakOf(peak, memory());
  };
}

let serial = 0;
/** A mail as a customer's client writes it; one in three answers an earlier one of the same sender. */
function customerMail(to: string, n: number): Buffer {
  const sender = `customer${n % 50}@bench.example`;
  const id = `<bench.${n}.${serial++}@bench.example>`;
  const replyTo = n >= 50 && n % 3 === 0 ? `<bench.${n - 50}.${serial - 51}@bench.example>` : null;
  const paragraph =
    'My order arrived with a cracked lid and the invoice names the wrong address. Could you send a replacement and correct the invoice?';
  return Buffer.from(
    [
      `From: Customer ${n % 50} <${sender}>`,
      `To: Support <${to}>`,
      `Subject: ${replyTo ? 'Re: ' : ''}Order ${n % 50}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: ${id}`,
      ...(replyTo ? [`In-Reply-To: ${replyTo}`, `References: ${replyTo}`] : []),
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      Array.from({ length: 8 }, () => paragraph).join('\n\n'),
      '',
      '> On Monday you wrote:',
      '> Thank you for your order.',
      '',
    ].join('\r\n'),
  );
}

async function countStates(handle: DbHandle): Promise<Record<string, number>> {
  const text = 'SELECT state, count(*)::int AS n FROM email_inbound GROUP BY state';
  const rows =
    handle.kind === 'pg'
      ? (await handle.pool.query<{ state: string; n: number }>(text)).rows
      : (await handle.pglite.query<{ state: string; n: number }>(text)).rows;
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

async function until(check: () => Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`email bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// The raw bytes alone into a bare copy of email_inbound, straight through the driver: the floor
// under what storing a mail costs, measured on the same database in the same run.
async function rawInsertRate(handle: DbHandle, mails: Buffer[], inserters: number, durationMs: number) {
  const query = (text: string, values: unknown[] = []) =>
    handle.kind === 'pg' ? handle.pool.query(text, values) : handle.pglite.query(text, values);
  await query('DROP TABLE IF EXISTS bench_raw_mail');
  await query('CREATE TABLE bench_raw_mail (LIKE email_inbound INCLUDING DEFAULTS)');
  const workspaceId = '00000000-0000-4000-8000-000000000000';
  const until = performance.now() + durationMs;
  let rows = 0;
  await Promise.all(
    Array.from({ length: inserters }, async (_, i) => {
      for (let n = i; performance.now() < until; n += inserters) {
        const raw = mails[n % mails.length]!;
        await query(
          `INSERT INTO bench_raw_mail (workspace_id, via, recipient, raw, size, sha256) VALUES ($1, 'smtp', 'support@bench.example', $2, $3, 'x')`,
          [workspaceId, raw, raw.length],
        );
        if (performance.now() < until) rows++;
      }
    }),
  );
  await query('DROP TABLE bench_raw_mail');
  return (rows / durationMs) * 1000;
}

/**
 * Mail in through the real SMTP listener, end to end as `earshot serve` runs it (job queue with
 * its default polling, the outbox dispatcher): how many mails a second are accepted, and how many
 * are parsed and threaded; beside it, the raw INSERT of the same bytes. Then one mail of 25 MB,
 * watching the process's memory while it is received and while it is parsed.
 */
export async function emailBench(
  handle: DbHandle,
  o: { messages: number; senders: number; largeBytes: number; progress(m: string): void },
): Promise<EmailFigures> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-mail-'));
  const config = parseConfig({
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'b'.repeat(40),
    EARSHOT_DATA_DIR: dataDir,
  });
  const deps = createAppDeps(config, handle);
  const queue = createJobQueue<AppDeps>({ handle, logger: pino({ level: 'silent' }) });
  await queue.start();
  deps.jobs = queue;
  await queue.register(jobDefinitions, deps);
  await queue.work();
  const withJobs = { ...deps, jobs: queue };
  const dispatcher = await startDispatcher(withJobs);
  const smtp = await startSmtpListener(withJobs, {
    port: 0,
    host: '127.0.0.1',
    maxBytes: config.mailMaxBytes,
  });
  const relay = createTransport({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: o.senders,
    maxMessages: Infinity,
  });
  try {
    const { apiKey } = await bootstrapWorkspace({
      db: handle.db,
      name: 'Mail bench',
      admin: { email: `mail-bench-${Date.now()}@example.test`, password: 'bench password long enough' },
    });
    const app = buildApp(deps);
    const created = await app.request('/api/v1/channels/email', {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ address: 'support@bench.example', name: 'Support' }),
    });
    if (created.status !== 201) throw new Error(`email bench: mailbox not created (${created.status})`);
    const send = (raw: Buffer) =>
      relay.sendMail({ envelope: { from: 'sender@bench.example', to: ['support@bench.example'] }, raw });

    const mails = Array.from({ length: o.messages }, (_, n) => customerMail('support@bench.example', n));
    o.progress(`email: ${o.messages} mails through SMTP, ${o.senders} connections`);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: o.senders }, async () => {
        while (next < mails.length) await send(mails[next++]!);
      }),
    );
    const acceptedMs = performance.now() - started;
    await until(
      async () => ((await countStates(handle)).received ?? 0) === 0,
      10 * 60_000,
      'every mail to be routed',
    );
    const routedMs = performance.now() - started;
    const states = await countStates(handle);

    o.progress('email: raw INSERT of the same bytes');
    const rawInserters = o.senders;
    const rawInsertPerSecond = await rawInsertRate(handle, mails, rawInserters, 3_000);

    o.progress(`email: one mail of ${mb(o.largeBytes)} MB`);
    const large = largeMail('support@bench.example', o.largeBytes).raw;
    global.gc?.();
    const baseline = memory();
    const stopReceive = watchMemory();
    await send(large);
    const receivePeak = stopReceive();
    const afterReceive = memory();
    const stopParse = watchMemory();
    await until(
      async () => ((await countStates(handle)).received ?? 0) === 0,
      5 * 60_000,
      'the large mail to be routed',
    );
    const parsePeak = stopParse();
    const after = await countStates(handle);
    const largeState = Object.keys(after).find((s) => after[s] !== states[s]) ?? 'unknown';

    const routedPerSecond = (o.messages / routedMs) * 1000;
    return {
      messages: o.messages,
      senders: o.senders,
      acceptedPerSecond: (o.messages / acceptedMs) * 1000,
      routedPerSecond,
      states,
      rawInsertPerSecond,
      rawInserters,
      ratio: routedPerSecond / rawInsertPerSecond,
      large: { bytes: large.length, baseline, receivePeak, afterReceive, parsePeak, state: largeState },
    };
  } finally {
    relay.close();
    await smtp.stop();
    await dispatcher.stop();
    await queue.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
