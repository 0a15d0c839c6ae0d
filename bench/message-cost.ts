import { randomBytes } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import pg from 'pg';
import { openPostgres } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { benchDeps, startApiTarget } from './api-bench.js';
import { startDispatcher } from '../src/app/start-dispatcher.js';
import { pruneOutbox } from '../src/platform/events/prune-outbox.js';
import { POOL_SIZE } from './bench-db.js';
import { runLoad } from './load/load-generator.js';
import { generatorCpuMsPerRequest } from './load/load-options.js';
import { profileGc } from './gc-figures.js';

/*
 * What one message costs, in figures that hold on a loaded machine (throughput does not): the
 * server's CPU time per message, and the database's work per message — WAL bytes, records and
 * full-page images, statements, and how many of the conversation's updates were HOT (touched no
 * index). Fifty clients add agent messages to their own conversations for a while, as in
 * `npm run bench -- --only api`, until a fixed number have been answered; every figure is divided by the messages actually written.
 * WAL counters are the whole cluster's: run it on a database server of its own for exact figures.
 * With --waldump DIR (the server's pg_wal, readable here) it also prints pg_waldump's record
 * statistics for the run's WAL: which records, how many of each. Socket writes are the server's
 * system calls that send, to the database (a round trip starts with one) and the rest.
 * With --profile FILE it writes the server's CPU profile of the counted run alone (no start-up, no
 * warm-up) as a .cpuprofile, for Chrome's DevTools or any reader of that format.
 * With --heap-profile FILE it writes a sampled allocation profile of the counted run (.heapprofile),
 * garbage included: what the request path allocates, which the collector then has to sweep; with
 * --heap-survivors as well, only what survived a scavenge (what makes scavenges long and, promoted,
 * the full collections come sooner).
 * With --callgrind, run under callgrind with instrumentation off, it counts the server's
 * instructions over the counted run alone, which a shared machine does not disturb as it does CPU
 * time (a few hundred messages suffice; --warmup N first warms with N messages instead of 1.5 s):
 *   valgrind --tool=callgrind --instr-atstart=no --smc-check=all-non-file \
 *     --callgrind-out-file=/tmp/message.cg node --single-threaded --import tsx \
 *     bench/message-cost.ts --callgrind --warmup 3000 --messages 500
 *   grep '^summary' /tmp/message.cg.1     (instructions for the counted messages)
 * With --gc it counts the server's collections over the counted run (bench/gc-figures.ts): scavenges,
 * full collections, their pauses, and per message the bytes made young, surviving a scavenge,
 * promoted and pretenured; run it under the V8 flags the server runs with (bin/earshot.js).
 * With --dispatcher the outbox dispatcher runs beside the server, as `earshot serve` runs it (every
 * module's listeners, no job queue): each event's whole life is counted, its claim and delivery,
 * and its deletion (the counted run's events are pruned at its end, as the hourly pass would).
 *
 *   DATABASE_URL=postgres://… npx tsx bench/message-cost.ts --messages 3000
 */

const { values } = parseArgs({
  options: {
    messages: { type: 'string' },
    clients: { type: 'string' },
    waldump: { type: 'string' },
    postmaster: { type: 'string' },
    profile: { type: 'string' },
    'heap-profile': { type: 'string' },
    warmup: { type: 'string' },
    callgrind: { type: 'boolean' },
    dispatcher: { type: 'boolean' },
    gc: { type: 'boolean' },
    'heap-survivors': { type: 'boolean' },
  },
});
// A fixed number of messages rather than a fixed time: the indexes then grow through the same
// sizes (and split as often) however fast the machine is today.
const count = Number(values.messages ?? 3000);
const clients = Number(values.clients ?? 50);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL must name a PostgreSQL server');

const name = `earshot_cost_${randomBytes(5).toString('hex')}`;
const url = new URL(databaseUrl);
url.pathname = `/${name}`;
const admin = new pg.Client({ connectionString: databaseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const probe = new pg.Client({ connectionString: url.toString() });

// The CPU time of a database server's processes (the postmaster's children, read from /proc), when
// it runs on this machine and --postmaster names its process id.
function databaseCpuMs(): number | null {
  const postmaster = values.postmaster;
  if (!postmaster) return null;
  const tick = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  let ms = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command (which may hold spaces): state is field 3, ppid 4, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (pid === postmaster || fields[1] === postmaster)
      ms += (Number(fields[11]) + Number(fields[12])) * tick;
  }
  return ms;
}

// The CPU time of this process's main thread (its thread id is the process id), from /proc.
function mainThreadCpuMs(): number {
  const tick = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * tick;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Counters = {
  lsn: string;
  walRecords: number;
  walFpi: number;
  messages: number;
  upd: number;
  hotUpd: number;
  commits: number;
  statements: number | null;
};

async function counters(): Promise<Counters> {
  const { rows } = await probe.query(`
    SELECT pg_current_wal_lsn()::text AS lsn,
      (SELECT wal_records FROM pg_stat_wal) AS wal_records,
      (SELECT wal_fpi FROM pg_stat_wal) AS wal_fpi,
      (SELECT count(*) FROM messages) AS messages,
      (SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'conversations') AS upd,
      (SELECT n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'conversations') AS hot_upd,
      (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()) AS commits`);
  const r = rows[0];
  let statements: number | null = null;
  try {
    const s = await probe.query(
      `SELECT sum(calls)::bigint AS calls FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
       WHERE d.datname = current_database()`,
    );
    statements = Number(s.rows[0].calls ?? 0);
  } catch {
    // pg_stat_statements is not loaded on this server.
  }
  return {
    lsn: r.lsn,
    walRecords: Number(r.wal_records),
    walFpi: Number(r.wal_fpi),
    messages: Number(r.messages),
    upd: Number(r.upd),
    hotUpd: Number(r.hot_upd),
    commits: Number(r.commits),
    statements,
  };
}

// Each WAL record type per relation (table or index, by name), per message.
async function walByRelation(walDir: string, from: string, to: string, messages: number): Promise<string> {
  const { rows } = await probe.query<{ relfilenode: string; relname: string }>(
    `SELECT relfilenode::text, relname FROM pg_class WHERE relfilenode <> 0`,
  );
  const names = new Map(rows.map((r) => [r.relfilenode, r.relname]));
  const dump = execFileSync(process.env.PG_WALDUMP ?? 'pg_waldump', ['-p', walDir, '-s', from, '-e', to], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const totals = new Map<string, { n: number; bytes: number }>();
  for (const line of dump.split('\n')) {
    const m = /rmgr: (\S+)\s+len \(rec\/tot\):\s+\d+\/\s*(\d+),.*desc: (\S+).*?rel \d+\/\d+\/(\d+)/.exec(
      line,
    );
    if (!m) continue;
    const key = `${m[1]}/${m[3]} ${names.get(m[4]!) ?? m[4]}`;
    const t = totals.get(key) ?? { n: 0, bytes: 0 };
    t.n++;
    t.bytes += Number(m[2]);
    totals.set(key, t);
  }
  return [...totals]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(
      ([k, t]) =>
        `${(t.n / messages).toFixed(3).padStart(8)} ${(t.bytes / messages).toFixed(1).padStart(8)} B  ${k}`,
    )
    .join('\n');
}

// The server's socket writes (system calls: a corked batch is one), to the database and the rest
// (answers, announcements). The load generator is another process, so only the server's count.
// Counted from the start, and read as a difference: replacing a method of Socket's prototype at the
// counted run's start changed the prototype's map, and V8 threw away the optimised code of every
// function that relied on it (the whole request path), compiling it again inside the counted run:
// a sizeable share of a short callgrind run's instructions.
function countWrites(databasePort: number) {
  const socket = net.Socket.prototype as unknown as { _writeGeneric: (...args: unknown[]) => unknown };
  const write = socket._writeGeneric;
  const written = { database: 0, other: 0 };
  socket._writeGeneric = function (this: net.Socket, ...args: unknown[]) {
    written[this.remotePort === databasePort ? 'database' : 'other']++;
    return write.apply(this, args);
  };
  return () => ({ ...written });
}

// Asks the callgrind this process runs under to switch instrumentation on, or to write its counts.
const callgrind = (flag: string) =>
  spawnSync('callgrind_control', [flag, String(process.pid)], { stdio: 'ignore' });

// The inspector's sampling profiler, in this process: it samples the thread's stack every 250 µs.
async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 250 });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      return profile;
    },
  };
}

// The inspector's sampling heap profiler, keeping what the collectors freed: every allocation (or,
// with --heap-survivors, all but what a scavenge freed).
async function startHeapProfile() {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: !values['heap-survivors'],
  });
  return {
    async stop() {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      session.disconnect();
      return profile;
    },
  };
}

try {
  const writes = countWrites(Number(url.port || 5432));
  const handle = openPostgres(url.toString(), POOL_SIZE);
  await migrate(handle);
  await probe.connect();
  await probe.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').catch(() => undefined);
  const api = await startApiTarget(handle, clients);
  const load = { ...api.target, connections: clients, warmupMs: 0, maxRequests: 2_000_000 };
  const listenerDeps = values.dispatcher
    ? { ...benchDeps(handle), jobs: { send: async () => null } }
    : undefined;
  await listenerDeps?.events.start();
  const dispatcher = listenerDeps ? await startDispatcher(listenerDeps) : undefined;
  // A first run warms the server (compiled code, prepared statements) and is not counted.
  await runLoad(
    values.warmup
      ? { ...load, durationMs: 600_000, maxRequests: Number(values.warmup) }
      : { ...load, durationMs: 1500 },
  );
  await dispatcher?.drain();
  if (dispatcher) await pruneOutbox(handle.db, { olderThanHours: 0 });
  await probe.query('CHECKPOINT');
  // PostgreSQL 15 flushes a busy connection's table and WAL statistics at most once a second, and an
  // idle one's after ten: a shorter wait counted the warm-up's last moments in the run (1.25 commits
  // and 1.21 conversation updates a message where there are 1.03 and 1.00).
  await wait(11_000);
  const before = await counters();
  const dbCpu = databaseCpuMs();
  const cpu = process.cpuUsage();
  const mainCpu = mainThreadCpuMs();
  const writesBefore = writes();
  const profiler = values.profile ? await startProfile() : undefined;
  const heapProfiler = values['heap-profile'] ? await startHeapProfile() : undefined;
  const gcProfiler = values.gc ? profileGc() : undefined;
  if (values.callgrind) callgrind('--instr=on');
  const run = await runLoad({ ...load, durationMs: 300_000, maxRequests: count });
  if (values.callgrind) callgrind('--dump');
  const gc = gcProfiler?.stop(run.answered);
  await dispatcher?.drain();
  if (dispatcher) await pruneOutbox(handle.db, { olderThanHours: 0 });
  const used = process.cpuUsage(cpu);
  const mainUsed = mainThreadCpuMs() - mainCpu;
  const writesAfter = writes();
  const written = {
    database: writesAfter.database - writesBefore.database,
    other: writesAfter.other - writesBefore.other,
  };
  if (profiler) await writeFile(values.profile!, JSON.stringify(await profiler.stop()));
  if (heapProfiler) await writeFile(values['heap-profile']!, JSON.stringify(await heapProfiler.stop()));
  const dbCpuAfter = databaseCpuMs();
  // A connection flushes its table statistics when it ends, if not before.
  await dispatcher?.stop();
  await listenerDeps?.events.close();
  await api.close();
  await handle.close();
  await wait(2500);
  const after = await counters();
  const messages = after.messages - before.messages;
  const walBytes = Number(
    (await probe.query(`SELECT pg_wal_lsn_diff($1, $2) AS d`, [after.lsn, before.lsn])).rows[0].d,
  );
  const per = (n: number) => Math.round((n / messages) * 100) / 100;
  const figures = {
    messages,
    // Every message in the database, the warm-up's too: two runs that differ only in --messages
    // count the same warm-up, so their difference is the extra messages' alone.
    messagesInDatabase: after.messages,
    errors: run.errors,
    messagesPerSecond: Math.round(run.requestsPerSecond),
    p50Ms: run.p50Ms,
    p99Ms: run.p99Ms,
    serverCpuMsPerMessage: Math.round(((used.user + used.system) / 1000 / messages) * 1000) / 1000,
    // The kernel's part (socket reads and writes, polling), which fewer round trips cut and faster
    // JavaScript does not.
    // The JavaScript thread's alone: the rest is V8's helpers (garbage collection, compilation).
    serverMainThreadCpuMsPerMessage: Math.round((mainUsed / messages) * 1000) / 1000,
    serverSystemCpuMsPerMessage: Math.round((used.system / 1000 / messages) * 1000) / 1000,
    // The load generator's, per answer: another process on the same cores, not the server's cost.
    loadGeneratorCpuMsPerRequest: Math.round(generatorCpuMsPerRequest(run) * 1000) / 1000,
    databaseCpuMsPerMessage:
      dbCpu === null ? null : Math.round(((dbCpuAfter! - dbCpu) / messages) * 1000) / 1000,
    walBytesPerMessage: per(walBytes),
    walRecordsPerMessage: per(after.walRecords - before.walRecords),
    fullPageImagesPerMessage: per(after.walFpi - before.walFpi),
    conversationUpdatesPerMessage: per(after.upd - before.upd),
    hotRatio:
      Math.round(((after.hotUpd - before.hotUpd) / Math.max(1, after.upd - before.upd)) * 1000) / 1000,
    commitsPerMessage: per(after.commits - before.commits),
    statementsPerMessage: after.statements === null ? null : per(after.statements - before.statements!),
    databaseSocketWritesPerMessage: per(written.database),
    otherSocketWritesPerMessage: per(written.other),
    ...(gc && { gc }),
  };
  console.log(JSON.stringify(figures, null, 2));
  if (values.waldump) console.log(await walByRelation(values.waldump, before.lsn, after.lsn, messages));
  if (values.waldump)
    console.log(
      execFileSync(
        process.env.PG_WALDUMP ?? 'pg_waldump',
        ['-p', values.waldump, '--stats=record', '-s', before.lsn, '-e', after.lsn],
        {
          encoding: 'utf8',
        },
      ),
    );
} finally {
  await probe.end().catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
