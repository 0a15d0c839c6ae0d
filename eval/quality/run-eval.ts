// Scores the labelled conversations with the quality engine and prints how often it agrees.
//   npx tsx eval/quality/run-eval.ts [--split heldout|tune|all] [--verbose]
// A report, not a test: it always exits 0 once it has printed.
import { parseArgs } from 'node:util';
import { scoreTranscript } from '../../src/engine/quality/index.js';
import {
  APOLOGIES,
  FLAG_NAMES,
  RESOLUTIONS,
  ROADS,
  loadEvalSet,
  type EvalCase,
  type FlagName,
  type Split,
} from './load-eval-set.js';

// Scores are 0-100; the labels are two-level, so the engine's score is read as "high" from here up.
const HIGH_FROM = 60;

const CRITERIA = ['road', 'resolution', 'apology', 'empathy', 'listening', ...FLAG_NAMES] as const;
type Criterion = (typeof CRITERIA)[number];

type Prediction = Record<Criterion, string>;
type Miss = { id: string; criterion: Criterion; expected: string; got: string; note: string };

const ROAD_NAMES: Record<number, string> = { 1: 'learn', 2: 'care', 3: 'teach', 4: 'go away' };

function readArgs(): { split: Split | 'all'; verbose: boolean } {
  const { values } = parseArgs({
    options: {
      split: { type: 'string', default: 'heldout' },
      verbose: { type: 'boolean', short: 'v', default: false },
    },
    strict: true,
  });
  const split = values.split;
  if (split !== 'heldout' && split !== 'tune' && split !== 'all') {
    console.error(`--split must be heldout, tune or all (got "${split}")`);
    process.exit(2);
  }
  return { split, verbose: values.verbose ?? false };
}

function expectedOf(c: EvalCase): Prediction {
  const l = c.labels;
  const flags = Object.fromEntries(FLAG_NAMES.map((f) => [f, String(l.flags[f])])) as Record<
    FlagName,
    string
  >;
  return {
    road: String(l.road),
    resolution: l.resolution,
    apology: l.apology,
    empathy: l.empathy,
    listening: l.listening,
    ...flags,
  };
}

const level = (score: number | undefined) =>
  typeof score !== 'number' || Number.isNaN(score) ? 'missing' : score >= HIGH_FROM ? 'high' : 'low';

async function predict(c: EvalCase): Promise<Prediction> {
  const out = await scoreTranscript(c.transcript);
  const flags = Object.fromEntries(FLAG_NAMES.map((f) => [f, String(out.flags?.[f] ?? 'missing')])) as Record<
    FlagName,
    string
  >;
  return {
    road: String(out.road),
    resolution: String(out.resolution),
    apology: String(out.apology),
    empathy: level(out.scores?.empathy),
    listening: level(out.scores?.listening),
    ...flags,
  };
}

const pct = (num: number, den: number) =>
  den === 0 ? '   n/a' : `${((100 * num) / den).toFixed(1).padStart(5)}%`;
const pad = (s: string | number, w: number) => String(s).padEnd(w);
const padL = (s: string | number, w: number) => String(s).padStart(w);

function printAccuracy(rows: { expected: Prediction; got: Prediction }[]) {
  const n = rows.length;
  console.log(`${pad('criterion', 20)}${padL('correct', 9)}  accuracy`);
  let sum = 0;
  for (const k of CRITERIA) {
    const ok = rows.filter((r) => r.expected[k] === r.got[k]).length;
    sum += ok / n;
    console.log(`${pad(k, 20)}${padL(`${ok}/${n}`, 9)}  ${pct(ok, n)}`);
  }
  console.log(`${pad('mean of criteria', 20)}${padL('', 9)}  ${pct(sum, CRITERIA.length)}`);
}

function printFlags(rows: { expected: Prediction; got: Prediction }[]) {
  console.log(
    `${pad('flag', 20)}${padL('TP', 4)}${padL('FP', 4)}${padL('FN', 4)}${padL('TN', 4)}  precision  recall`,
  );
  for (const f of FLAG_NAMES) {
    let tp = 0,
      fp = 0,
      fn = 0,
      tn = 0;
    for (const r of rows) {
      const want = r.expected[f] === 'true';
      const got = r.got[f] === 'true';
      if (want && got) tp++;
      else if (!want && got) fp++;
      else if (want && !got) fn++;
      else tn++;
    }
    console.log(
      `${pad(f, 20)}${padL(tp, 4)}${padL(fp, 4)}${padL(fn, 4)}${padL(tn, 4)}  ${padL(pct(tp, tp + fp), 9)}  ${pct(tp, tp + fn)}`,
    );
  }
}

function printConfusion(
  title: string,
  values: readonly string[],
  rows: { expected: Prediction; got: Prediction }[],
  k: Criterion,
  names: Record<string, string> = {},
) {
  const others = [...new Set(rows.map((r) => r.got[k]).filter((g) => !values.includes(g)))].sort();
  const cols = [...values, ...others];
  const label = (v: string) => (names[v] ? `${v} ${names[v]}` : v);
  const w = Math.max(12, ...values.map((v) => label(v).length + 2));
  const cw = Math.max(7, ...cols.map((c) => c.length + 2));
  console.log(`${title} (rows = label, columns = predicted)`);
  console.log(
    `${pad('label \\ pred', w)}${cols.map((c) => padL(c, cw)).join('')}${padL('total', 7)}${padL('recall', 8)}`,
  );
  for (const v of values) {
    const mine = rows.filter((r) => r.expected[k] === v);
    const cells = cols.map((c) => padL(mine.filter((r) => r.got[k] === c).length, cw)).join('');
    const ok = mine.filter((r) => r.got[k] === v).length;
    console.log(`${pad(label(v), w)}${cells}${padL(mine.length, 7)}${padL(pct(ok, mine.length), 8)}`);
  }
  const totals = cols.map((c) => padL(rows.filter((r) => r.got[k] === c).length, cw)).join('');
  console.log(`${pad('predicted', w)}${totals}${padL(rows.length, 7)}`);
}

async function main() {
  const { split, verbose } = readArgs();
  const cases = loadEvalSet(split);
  const rows: { c: EvalCase; expected: Prediction; got: Prediction }[] = [];
  const failures: { id: string; message: string }[] = [];

  for (const c of cases) {
    const expected = expectedOf(c);
    let got: Prediction;
    try {
      got = await predict(c);
    } catch (err) {
      failures.push({ id: c.id, message: err instanceof Error ? err.message : String(err) });
      got = Object.fromEntries(CRITERIA.map((k) => [k, 'error'])) as Prediction;
    }
    rows.push({ c, expected, got });
  }

  console.log(`Earshot quality eval: split ${split}, n = ${rows.length}`);
  console.log(`(empathy and listening count as "high" when the engine's score is >= ${HIGH_FROM})\n`);
  printAccuracy(rows);
  console.log('');
  printFlags(rows);
  console.log('');
  printConfusion('Road confusion', ROADS.map(String), rows, 'road', ROAD_NAMES);
  console.log('');
  printConfusion('Resolution confusion', RESOLUTIONS, rows, 'resolution');
  console.log('');
  printConfusion('Apology confusion', APOLOGIES, rows, 'apology');

  if (failures.length > 0) {
    console.log(
      `\nThe engine threw on ${failures.length} transcript(s); they count as wrong on every criterion:`,
    );
    for (const f of failures) console.log(`  ${f.id}: ${f.message}`);
  }

  if (verbose) {
    const misses: Miss[] = rows.flatMap(({ c, expected, got }) =>
      CRITERIA.filter((k) => expected[k] !== got[k]).map((k) => ({
        id: c.id,
        criterion: k,
        expected: expected[k],
        got: got[k],
        note: c.note,
      })),
    );
    console.log(`\nMisses (${misses.length}):`);
    const idW = Math.max(4, ...misses.map((m) => m.id.length)) + 2;
    for (const m of misses) {
      console.log(
        `${pad(m.id, idW)}${pad(m.criterion, 19)}${pad(`expected ${m.expected}`, 20)}${pad(`got ${m.got}`, 16)}${m.note}`,
      );
    }
  }
}

await main();
process.exitCode = 0;
