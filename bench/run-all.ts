import os from 'node:os';
import { parseArgs } from 'node:util';
import { apiSection } from './api-section.js';
import { openBenchDb, type BenchDb } from './bench-db.js';
import { emailBench } from './email-bench.js';
import { heapFlags, machineLoad } from './machine-load.js';
import { qualitySection } from './quality-section.js';
import { realtimeBench } from './realtime-bench.js';
import { routingBench } from './routing-bench.js';
import { benchJson, renderReport, type BenchFigures } from './report.js';
import { startupBench } from './startup-bench.js';

const SECTIONS = ['api', 'email', 'realtime', 'routing', 'startup', 'quality'] as const;
type Section = (typeof SECTIONS)[number];

const usage = `Usage: run-all [--only ${SECTIONS.join('|')}[,...]] [--seconds N] [--rounds N]`;
let values: { only?: string; seconds?: string; rounds?: string };
try {
  ({ values } = parseArgs({
    options: { only: { type: 'string' }, seconds: { type: 'string' }, rounds: { type: 'string' } },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const only = values.only?.split(',').map((s) => s.trim()) ?? [...SECTIONS];
const seconds = Number(values.seconds ?? 5);
const rounds = Number(values.rounds ?? 1);
if (
  only.some((s) => !SECTIONS.includes(s as Section)) ||
  !(seconds > 0 && seconds <= 60) ||
  !(Number.isInteger(rounds) && rounds >= 1 && rounds <= 9)
) {
  console.error(usage);
  process.exit(2);
}
const wanted = (s: Section) => only.includes(s);

const CLIENTS = 50;
const WARMUP_MS = 1_000;
const DURATION_MS = Math.round(seconds * 1000);
const INSERT = { batchSize: 500, warmupMs: 500, durationMs: 3_000 };

const progress = (message: string) => console.error(`[bench] ${message}`);
const databaseUrl = process.env.DATABASE_URL || undefined;

// Whatever is open when the run is interrupted (the bench database above all) is closed and
// dropped before exiting.
let openDb: BenchDb | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: cleaning up`);
    void (openDb?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

const figures: BenchFigures = {
  database: databaseUrl ? 'pg' : 'pglite',
  databaseLabel: databaseUrl ? 'PostgreSQL' : 'PGlite (embedded)',
  // The V8 heap flags in force, so that a figure says whether it ran as `earshot serve` runs.
  node: [process.version, ...heapFlags()].join(' '),
  cores: os.availableParallelism(),
  loadAtStart: machineLoad(),
  clients: CLIENTS,
  warmupMs: WARMUP_MS,
  durationMs: DURATION_MS,
};

// Each section that needs a database gets a fresh one of its own, closed (and dropped) after.
async function withFreshDb<T>(section: string, run: (db: BenchDb) => Promise<T>): Promise<T> {
  progress(`${section}: a fresh ${databaseUrl ? 'database on PostgreSQL' : 'embedded database'}`);
  openDb = await openBenchDb(databaseUrl);
  try {
    return await run(openDb);
  } finally {
    progress(`${section}: ${databaseUrl ? 'dropping' : 'closing'} its database`);
    await openDb.close();
    openDb = undefined;
  }
}

if (wanted('api'))
  figures.api = await withFreshDb('api', (db) => {
    figures.databaseLabel = db.label;
    return apiSection(db.handle, {
      clients: CLIENTS,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      rounds,
      insert: INSERT,
      progress,
    });
  });
if (wanted('email'))
  figures.email = await withFreshDb('email', (db) =>
    emailBench(db.handle, { messages: 300, senders: 4, largeBytes: 25 * 1024 * 1024 - 64 * 1024, progress }),
  );
if (wanted('realtime'))
  figures.realtime = await withFreshDb('realtime', (db) =>
    realtimeBench(db.handle, {
      workspaces: 10,
      agentSocketsPerWorkspace: 20,
      visitorsPerWorkspace: 180,
      messagesPerSecond: 50,
      seconds,
      progress,
    }),
  );
if (wanted('routing'))
  figures.routing = await withFreshDb('routing', (db) =>
    routingBench(db.handle, { agents: 500, waiting: 10_000, decisions: 200, progress }),
  );

if (wanted('startup')) {
  progress('start-up to first 200');
  figures.startup = await startupBench();
}

if (wanted('quality')) {
  progress('quality engine');
  figures.quality = await qualitySection();
}

figures.loadAtEnd = machineLoad();
console.log(renderReport(figures));
console.log(benchJson(figures));

// Everything is closed above; should a library still hold a handle, the report is out and the
// run must still end on its own.
setTimeout(() => {
  progress('handles still open after the report; exiting');
  process.exit(0);
}, 3_000).unref();
