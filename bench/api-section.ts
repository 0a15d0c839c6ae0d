import type { DbHandle } from '../src/db/client.js';
import { startApiTarget } from './api-bench.js';
import { prepareRawInserts, type InsertRate } from './baselines/raw-inserts.js';
import { startRawHttpTarget } from './baselines/raw-http.js';
import { runLoad } from './load/load-generator.js';
import type { LoadResult } from './load/load-options.js';

export type ApiSectionOptions = {
  clients: number;
  warmupMs: number;
  durationMs: number;
  rounds: number;
  insert: { batchSize: number; warmupMs: number; durationMs: number };
  progress(message: string): void;
};

export type ApiFigures = {
  api: LoadResult;
  rawHttp: LoadResult;
  /** The server's CPU time per message (this process serves; the load comes from another). */
  serverCpuMsPerMessage: number;
  inserts: { singleRow: InsertRate; batched: InsertRate; batchSize: number; inserters: number };
  // Medians of each round's own ratio, so that a ratio never divides figures from different rounds.
  ratios: { apiOverRawHttp: number; apiOverSingleInsert: number; apiOverBatchedInsert: number };
  rounds: number;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

// Each figure is the median over rounds; errors and requests are totals.
function combineLoad(rs: LoadResult[]): LoadResult {
  return {
    requests: rs.reduce((n, r) => n + r.requests, 0),
    answered: rs.reduce((n, r) => n + r.answered, 0),
    errors: rs.reduce((n, r) => n + r.errors, 0),
    errorSamples: rs.flatMap((r) => r.errorSamples).slice(0, 5),
    elapsedMs: rs.reduce((n, r) => n + r.elapsedMs, 0),
    requestsPerSecond: median(rs.map((r) => r.requestsPerSecond)),
    p50Ms: median(rs.map((r) => r.p50Ms)),
    p99Ms: median(rs.map((r) => r.p99Ms)),
    maxMs: Math.max(...rs.map((r) => r.maxMs)),
    cpuMs: rs.reduce((n, r) => n + r.cpuMs, 0),
  };
}

const combineRate = (rs: InsertRate[]): InsertRate => ({
  rows: rs.reduce((n, r) => n + r.rows, 0),
  elapsedMs: rs.reduce((n, r) => n + r.elapsedMs, 0),
  rowsPerSecond: median(rs.map((r) => r.rowsPerSecond)),
});

// The API and its baselines run back to back, round after round, so that on a machine whose
// spare CPU drifts (a shared 2-core box) each ratio compares figures taken minutes, not
// hours, apart; with several rounds the medians also shed a single disturbed window.
export async function apiSection(handle: DbHandle, o: ApiSectionOptions): Promise<ApiFigures> {
  const load = {
    connections: o.clients,
    warmupMs: o.warmupMs,
    durationMs: o.durationMs,
    maxRequests: 2_000_000,
  };
  const window = { warmupMs: o.insert.warmupMs, durationMs: o.insert.durationMs };
  const results = {
    api: [] as LoadResult[],
    cpuMsPerMessage: [] as number[],
    rawHttp: [] as LoadResult[],
    single: [] as InsertRate[],
    batched: [] as InsertRate[],
  };
  let rawHttp: Awaited<ReturnType<typeof startRawHttpTarget>> | undefined;
  let api: Awaited<ReturnType<typeof startApiTarget>> | undefined;
  let inserts: Awaited<ReturnType<typeof prepareRawInserts>> | undefined;
  try {
    rawHttp = await startRawHttpTarget();
    api = await startApiTarget(handle, o.clients);
    inserts = await prepareRawInserts(handle, { inserters: o.clients, batchSize: o.insert.batchSize });
    for (let round = 1; round <= o.rounds; round++) {
      const of = o.rounds > 1 ? ` (round ${round} of ${o.rounds})` : '';
      o.progress(`API: add message${of}`);
      const cpu = process.cpuUsage();
      const run = await runLoad({ ...load, ...api.target });
      const used = process.cpuUsage(cpu);
      results.api.push(run);
      results.cpuMsPerMessage.push((used.user + used.system) / 1000 / Math.max(1, run.answered));
      o.progress(`raw node:http${of}`);
      results.rawHttp.push(await runLoad({ ...load, ...rawHttp.target }));
      o.progress(`raw INSERT, one row per statement${of}`);
      results.single.push(await inserts.singleRow(window));
      o.progress(`raw INSERT, ${o.insert.batchSize} rows per statement${of}`);
      results.batched.push(await inserts.batched(window));
    }
  } finally {
    await inserts?.close();
    await api?.close();
    await rawHttp?.close();
  }
  return {
    api: combineLoad(results.api),
    rawHttp: combineLoad(results.rawHttp),
    serverCpuMsPerMessage: median(results.cpuMsPerMessage),
    inserts: {
      singleRow: combineRate(results.single),
      batched: combineRate(results.batched),
      batchSize: o.insert.batchSize,
      inserters: o.clients,
    },
    ratios: {
      apiOverRawHttp: median(
        results.api.map((a, i) => a.requestsPerSecond / results.rawHttp[i]!.requestsPerSecond),
      ),
      apiOverSingleInsert: median(
        results.api.map((a, i) => a.requestsPerSecond / results.single[i]!.rowsPerSecond),
      ),
      apiOverBatchedInsert: median(
        results.api.map((a, i) => a.requestsPerSecond / results.batched[i]!.rowsPerSecond),
      ),
    },
    rounds: o.rounds,
  };
}
