import type { ApiFigures } from './api-section.js';
import type { EmailFigures } from './email-bench.js';
import type { QualityResult } from './quality-section.js';
import type { RealtimeFigures } from './realtime-bench.js';
import type { RoutingFigures } from './routing-bench.js';
import type { StartupResult } from './startup-bench.js';
import { generatorCpuMsPerRequest } from './load/load-options.js';
import { describeLoad, type MachineLoad } from './machine-load.js';

export type BenchFigures = {
  database: 'pglite' | 'pg';
  databaseLabel: string;
  node: string;
  cores: number;
  loadAtStart: MachineLoad;
  loadAtEnd?: MachineLoad;
  clients: number;
  warmupMs: number;
  durationMs: number;
  api?: ApiFigures;
  email?: EmailFigures;
  realtime?: RealtimeFigures;
  routing?: RoutingFigures;
  startup?: StartupResult;
  quality?: QualityResult;
};

// Targets, set for a PostgreSQL deployment; the embedded database is judged by the same numbers
// for information only.
export const TARGETS = {
  apiShareOfSingleInsert: 0.25,
  p99Ms: 50,
  startupMs: 3_000,
  transcriptsPerSecond: 2_000,
  realtimeP99Ms: 25,
  routingP99Ms: 50,
};

type Row = [label: string, value: string, target?: string, verdict?: string];

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function apiRows(a: ApiFigures): Row[] {
  const r = a.ratios;
  return [
    ['HTTP API: POST /conversations/:id/messages', ''],
    ['  messages added per second', `${int(a.api.requestsPerSecond)}/s`],
    ['  latency p50', ms(a.api.p50Ms)],
    ['  server CPU per message', ms(a.serverCpuMsPerMessage)],
    ['  latency p99', ms(a.api.p99Ms), `< ${TARGETS.p99Ms} ms`, verdict(a.api.p99Ms < TARGETS.p99Ms)],
    ['  errors (not 201)', int(a.api.errors), '0', verdict(a.api.errors === 0)],
    ['  load generator CPU per request', ms(generatorCpuMsPerRequest(a.api))],
    ['Baselines, same run', ''],
    ['  raw node:http, same load', `${int(a.rawHttp.requestsPerSecond)}/s`],
    [
      `  raw INSERT, 1 row/statement, ${a.inserts.inserters} inserters`,
      `${int(a.inserts.singleRow.rowsPerSecond)} rows/s`,
    ],
    [`  raw INSERT, ${a.inserts.batchSize} rows/statement`, `${int(a.inserts.batched.rowsPerSecond)} rows/s`],
    ['Ratios', ''],
    ['  API / raw node:http', pct(r.apiOverRawHttp)],
    [
      '  API / raw single-row INSERT',
      pct(r.apiOverSingleInsert),
      `>= ${pct(TARGETS.apiShareOfSingleInsert)}`,
      verdict(r.apiOverSingleInsert >= TARGETS.apiShareOfSingleInsert),
    ],
    ['  API / raw batched INSERT', pct(r.apiOverBatchedInsert)],
  ];
}

function emailRows(e: EmailFigures): Row[] {
  const l = e.large;
  const delta = (peak: number, base: number) => `${peak >= base ? '+' : ''}${(peak - base).toFixed(1)} MB`;
  return [
    [`Email in through SMTP: ${e.messages} mails, ${e.senders} connections`, ''],
    ['  accepted (250) per second', `${e.acceptedPerSecond.toFixed(1)}/s`],
    ['  accepted, parsed and threaded per second', `${e.routedPerSecond.toFixed(1)}/s`],
    [
      '  where they went',
      Object.entries(e.states)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ],
    [`  raw INSERT of the same bytes, ${e.rawInserters} inserters`, `${int(e.rawInsertPerSecond)} rows/s`],
    ['  end to end / raw INSERT', pct(e.ratio)],
    [`One mail of ${(l.bytes / 1024 / 1024).toFixed(1)} MB (${l.state})`, ''],
    ['  before: RSS / heap', `${l.baseline.rssMb} / ${l.baseline.heapMb} MB`],
    ['  receiving: peak RSS', delta(l.receivePeak.rssMb, l.baseline.rssMb)],
    ['  receiving: peak heap', delta(l.receivePeak.heapMb, l.baseline.heapMb)],
    ['  receiving: peak outside the heap', delta(l.receivePeak.externalMb, l.baseline.externalMb)],
    ['  then parsing: peak RSS', delta(l.parsePeak.rssMb, l.afterReceive.rssMb)],
    ['  then parsing: peak heap', delta(l.parsePeak.heapMb, l.afterReceive.heapMb)],
    ['  then parsing: peak outside the heap', delta(l.parsePeak.externalMb, l.afterReceive.externalMb)],
  ];
}

function realtimeRows(r: RealtimeFigures): Row[] {
  const sockets = Object.entries(r.fanOut.sockets)
    .map(([label, n]) => `${int(n)} ${label}`)
    .join(' + ');
  const delivered = (d: RealtimeFigures['single']) =>
    `${int(d.messageFrames)} of ${int(d.expectedMessageFrames)}`;
  return [
    [`Realtime: ${int(r.messages)} messages at ${r.messagesPerSecond}/s over ${r.workspaces} workspaces`, ''],
    ['  one agent socket: messages delivered', delivered(r.single)],
    ['  one agent socket: write to delivery p50 / p99', `${ms(r.single.p50Ms)} / ${ms(r.single.p99Ms)}`],
    [`  ${sockets} sockets: messages delivered`, delivered(r.fanOut)],
    [`  fan-out: write to delivery p50`, ms(r.fanOut.p50Ms)],
    [
      `  fan-out: write to delivery p99`,
      ms(r.fanOut.p99Ms),
      `< ${TARGETS.realtimeP99Ms} ms`,
      verdict(
        r.fanOut.p99Ms < TARGETS.realtimeP99Ms && r.fanOut.messageFrames >= r.fanOut.expectedMessageFrames,
      ),
    ],
  ];
}

function routingRows(r: RoutingFigures): Row[] {
  const d = r.decisions;
  return [
    [`Routing: ${int(r.waiting)} waiting in one queue, ${int(r.agents)} agents`, ''],
    [`  all agents online: ${int(r.firstRound.offered)} offers in one round`, ms(r.firstRound.ms)],
    ['  a place frees, the next is offered: per second', `${int(d.perSecond)}/s`],
    ['  decision p50', ms(d.p50Ms)],
    ['  decision p99', ms(d.p99Ms), `< ${TARGETS.routingP99Ms} ms`, verdict(d.p99Ms < TARGETS.routingP99Ms)],
    [
      `  reading the last in the queue (position ${int(r.positionRead.position)}): p99`,
      ms(r.positionRead.p99Ms),
    ],
  ];
}

function otherRows(f: BenchFigures): Row[] {
  const rows: Row[] = [
    ...(f.email ? emailRows(f.email) : []),
    ...(f.realtime ? realtimeRows(f.realtime) : []),
    ...(f.routing ? routingRows(f.routing) : []),
  ];
  if (f.startup) {
    rows.push(
      ['Start-up: `earshot serve` on a migrated embedded database', ''],
      'ms' in f.startup
        ? [
            '  spawn to first 200 from /health',
            `${int(f.startup.ms)} ms`,
            `< ${int(TARGETS.startupMs)} ms`,
            verdict(f.startup.ms < TARGETS.startupMs),
          ]
        : ['  spawn to first 200 from /health', `skipped: ${f.startup.skipped}`],
    );
  }
  if (f.quality) {
    if ('skipped' in f.quality)
      rows.push(['Quality engine', ''], ['  transcripts scored per second', `skipped: ${f.quality.skipped}`]);
    else {
      const q = f.quality;
      rows.push(
        ['Quality engine', ''],
        [
          '  transcripts scored per second',
          `${int(q.transcriptsPerSecond)}/s`,
          `>= ${int(TARGETS.transcriptsPerSecond)}/s`,
          verdict(q.transcriptsPerSecond >= TARGETS.transcriptsPerSecond),
        ],
        ['  bare tokenisation per second', `${int(q.tokenisePerSecond)}/s`],
        // Printed as the quality bench defines it; this file does not reinterpret it.
        ['  ratio to bare tokenisation', q.ratio.toFixed(3)],
      );
      if (q.real) rows.push(['  the same ratio on eval/quality conversations', q.real.ratio.toFixed(3)]);
    }
  }
  return rows;
}

const isHeading = (r: Row) => r[1] === '';
// A skip reason or other long text is not lined up; it takes the rest of the line.
const isNote = (r: Row) => r[1].length > 24;

function table(rows: Row[]): string {
  const cells = rows.filter((r) => !isHeading(r) && !isNote(r));
  const w = [0, 1, 2].map((i) => Math.max(0, ...cells.map((r) => (r[i] ?? '').length)));
  const labelWidth = Math.max(w[0]!, ...rows.filter(isNote).map((r) => r[0].length));
  const rule = '-'.repeat(labelWidth + w[1]! + w[2]! + 10);
  return rows
    .map((r) => {
      if (isHeading(r)) return `${rule}\n${r[0]}`;
      if (isNote(r)) return `${r[0].padEnd(labelWidth)}  ${r[1]}`;
      return `${r[0].padEnd(labelWidth)}  ${r[1].padStart(w[1]!)}  ${(r[2] ?? '').padEnd(w[2]!)}  ${r[3] ?? ''}`.trimEnd();
    })
    .join('\n');
}

export function renderReport(f: BenchFigures): string {
  const head = [
    `Earshot benchmark: ${f.databaseLabel}; Node ${f.node}; ${f.cores} cores`,
    `Machine: at start ${describeLoad(f.loadAtStart)}${f.loadAtEnd ? `; at end ${describeLoad(f.loadAtEnd)}` : ''}`,
  ];
  if (f.api) {
    head.push(
      `HTTP figures: ${f.clients} keep-alive clients on loopback, ${f.warmupMs / 1000} s warm-up then ${f.durationMs / 1000} s measured; the load generator is a separate process on the same cores.`,
      f.api.rounds > 1
        ? `API and baselines alternate for ${f.api.rounds} rounds; each figure and ratio is the median over rounds.`
        : 'One round: API, then the baselines, back to back (--rounds N for medians).',
    );
  }
  const rows = [...(f.api ? apiRows(f.api) : []), ...otherRows(f)];
  const foot =
    f.database === 'pglite' && f.api
      ? [
          'Targets for the API are set for PostgreSQL; on the embedded database they are shown for information.',
        ]
      : [];
  const samples = f.api?.api.errorSamples.length
    ? ['First errors:', ...f.api.api.errorSamples.map((s) => `  ${s}`)]
    : [];
  return [...head, table(rows), ...foot, ...samples].join('\n');
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

// One line for machines: every figure of the run, rounded, with its unit in the key.
export function benchJson(f: BenchFigures): string {
  const out: Record<string, unknown> = {
    database: f.database,
    node: f.node,
    cores: f.cores,
    loadAtStart: f.loadAtStart,
    loadAtEnd: f.loadAtEnd,
    clients: f.clients,
    durationMs: f.durationMs,
    rounds: f.api?.rounds,
  };
  if (f.api) {
    const r = f.api.ratios;
    out.api = {
      messagesPerSecond: round(f.api.api.requestsPerSecond),
      p50Ms: round(f.api.api.p50Ms, 2),
      p99Ms: round(f.api.api.p99Ms, 2),
      maxMs: round(f.api.api.maxMs, 2),
      serverCpuMsPerMessage: round(f.api.serverCpuMsPerMessage, 3),
      loadGeneratorCpuMsPerRequest: round(generatorCpuMsPerRequest(f.api.api), 3),
      requests: f.api.api.requests,
      errors: f.api.api.errors,
    };
    out.rawHttp = {
      requestsPerSecond: round(f.api.rawHttp.requestsPerSecond),
      p50Ms: round(f.api.rawHttp.p50Ms, 2),
      p99Ms: round(f.api.rawHttp.p99Ms, 2),
      loadGeneratorCpuMsPerRequest: round(generatorCpuMsPerRequest(f.api.rawHttp), 3),
      errors: f.api.rawHttp.errors,
    };
    out.rawInsert = {
      singleRowPerSecond: round(f.api.inserts.singleRow.rowsPerSecond),
      batchedRowsPerSecond: round(f.api.inserts.batched.rowsPerSecond),
      batchSize: f.api.inserts.batchSize,
      inserters: f.api.inserts.inserters,
    };
    out.ratios = {
      apiOverRawHttp: round(r.apiOverRawHttp, 4),
      apiOverSingleInsert: round(r.apiOverSingleInsert, 4),
      apiOverBatchedInsert: round(r.apiOverBatchedInsert, 4),
    };
    out.targets = {
      apiShareOfSingleInsert: {
        target: TARGETS.apiShareOfSingleInsert,
        pass: r.apiOverSingleInsert >= TARGETS.apiShareOfSingleInsert,
      },
      p99Ms: { target: TARGETS.p99Ms, pass: f.api.api.p99Ms < TARGETS.p99Ms },
      errors: { target: 0, pass: f.api.api.errors === 0 },
    };
  }
  if (f.email) out.email = f.email;
  if (f.realtime) out.realtime = f.realtime;
  if (f.routing) out.routing = f.routing;
  if (f.startup)
    out.startup =
      'ms' in f.startup
        ? { ms: round(f.startup.ms), target: TARGETS.startupMs, pass: f.startup.ms < TARGETS.startupMs }
        : f.startup;
  if (f.quality) {
    out.quality =
      'skipped' in f.quality
        ? f.quality
        : {
            ...f.quality,
            target: TARGETS.transcriptsPerSecond,
            pass: f.quality.transcriptsPerSecond >= TARGETS.transcriptsPerSecond,
          };
  }
  return `BENCH ${JSON.stringify(out)}`;
}
