// Calibrates the engine's customer-sentiment scorer against human-rated sentences, with bare
// wink-nlp on the same sentences as the baseline the engine's rules are layered on.
//   npx tsx eval/sentiment/run-calibration.ts [--data DIR] [--limit N] [--split all|tune|heldout]
// A report, not a test: exits 0 once it has printed, 2 on a bad argument or missing data.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { scoreCustomerSentiment } from '../../src/engine/quality/index.js';
import {
  CORPORA,
  HUMAN_MAX,
  groundTruthPath,
  loadGroundTruth,
  type Corpus,
  type GroundTruthRow,
} from './load-ground-truth.js';
import { pearson, spearman } from './pearson.js';
import { SENTENCE_SPLITS, inSplit, type SentenceSplit } from './split-sentences.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_DATA = path.resolve(PROJECT_ROOT, '../shared/data/vader/hutto_ICWSM_2014');
// Sentences the raters scored near zero have no reliable sign; only clear ones test polarity.
const SIGN_THRESHOLD = 0.5;
const WARM_UP = 50;
const USAGE = 'usage: npm run eval:sentiment -- [--data DIR] [--limit N] [--split all|tune|heldout]';

// analyse-text.ts keeps its pipelines private, so the baseline builds its own from the same model.
// wink's whole-document reading needs its sentence splitter; pos and ner would not change the score.
const winkNlp = winkNLP(model, ['sbd', 'negation', 'sentiment']);
const winkSentiment = (text: string): number =>
  winkNlp.readDoc(text).out(winkNlp.its.sentiment) as unknown as number;

const SCORERS = { engine: scoreCustomerSentiment, wink: winkSentiment } as const;
type ScorerName = keyof typeof SCORERS;
const SCORER_NAMES = Object.keys(SCORERS) as ScorerName[];

type Run = { scores: number[]; seconds: number; errors: number };
type Group = { rows: GroundTruthRow[]; skipped: number; runs: Record<ScorerName, Run> };
type ScorerStats = {
  pearson: number;
  spearman: number;
  signAgreement: number;
  signN: number;
  mae: number;
  sentencesPerSecond: number;
  errors: number;
};
type GroupStats = { n: number; skipped: number } & Record<ScorerName, ScorerStats>;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function readArgs(): { data: string; limit: number | undefined; split: SentenceSplit } {
  let values: { data?: string; limit?: string; split?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        data: { type: 'string' },
        limit: { type: 'string' },
        split: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = /^\d+$/.test(values.limit) ? Number(values.limit) : Number.NaN;
    if (!Number.isSafeInteger(limit) || limit < 1)
      fail(`--limit must be a positive whole number (got "${values.limit}")\n${USAGE}`);
  }
  const data = values.data === undefined ? DEFAULT_DATA : path.resolve(values.data);
  if (!existsSync(data) || !statSync(data).isDirectory()) {
    fail(`ground-truth folder not found: ${data}\n(pass --data DIR pointing at the hutto_ICWSM_2014 folder)`);
  }
  for (const corpus of CORPORA) {
    const file = groundTruthPath(data, corpus);
    if (!existsSync(file)) fail(`ground-truth file missing: ${file}`);
  }
  const split = (values.split ?? 'all') as SentenceSplit;
  if (!SENTENCE_SPLITS.includes(split))
    fail(`--split must be all, tune or heldout (got "${values.split}")\n${USAGE}`);
  return { data, limit, split };
}

// One scorer over a whole corpus in one timed loop, so per-call timer overhead stays out of the rate.
// A throw counts as neutral (0) so the pairs stay aligned, and is reported rather than hidden.
function run(score: (text: string) => number, rows: readonly GroundTruthRow[]): Run {
  const scores = new Array<number>(rows.length);
  let errors = 0;
  const start = performance.now();
  for (let i = 0; i < rows.length; i += 1) {
    try {
      scores[i] = score(rows[i]!.text);
    } catch {
      scores[i] = 0;
      errors += 1;
    }
  }
  return { scores, seconds: (performance.now() - start) / 1000, errors };
}

function statsOf(rows: readonly GroundTruthRow[], r: Run): ScorerStats {
  const human = rows.map((row) => row.human);
  let signN = 0;
  let signHits = 0;
  let absError = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const h = human[i]!;
    const s = r.scores[i]!;
    absError += Math.abs(s - h / HUMAN_MAX);
    if (Math.abs(h) > SIGN_THRESHOLD) {
      signN += 1;
      if (Math.sign(s) === Math.sign(h)) signHits += 1;
    }
  }
  return {
    pearson: pearson(r.scores, human),
    spearman: spearman(r.scores, human),
    signAgreement: signN === 0 ? Number.NaN : signHits / signN,
    signN,
    mae: rows.length === 0 ? Number.NaN : absError / rows.length,
    sentencesPerSecond: r.seconds > 0 ? rows.length / r.seconds : Number.NaN,
    errors: r.errors,
  };
}

function groupStats(g: Group): GroupStats {
  const stats = { n: g.rows.length, skipped: g.skipped } as GroupStats;
  for (const name of SCORER_NAMES) stats[name] = statsOf(g.rows, g.runs[name]);
  return stats;
}

// Pooled figures are computed over the concatenated sentences, not averaged over corpora, so the
// large movie corpus weighs as much as its sentence count says.
function pool(groups: readonly Group[]): Group {
  const runs = {} as Record<ScorerName, Run>;
  for (const name of SCORER_NAMES) {
    runs[name] = {
      scores: groups.flatMap((g) => g.runs[name].scores),
      seconds: groups.reduce((sum, g) => sum + g.runs[name].seconds, 0),
      errors: groups.reduce((sum, g) => sum + g.runs[name].errors, 0),
    };
  }
  return {
    rows: groups.flatMap((g) => g.rows),
    skipped: groups.reduce((sum, g) => sum + g.skipped, 0),
    runs,
  };
}

const fixed = (value: number, digits: number): string =>
  Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
const COLUMNS = [
  ['corpus', 22],
  ['scorer', 8],
  ['n', 7],
  ['skipped', 8],
  ['pearson r', 10],
  ['spearman ρ', 11],
  ['sign agree', 11],
  ['of n', 7],
  ['MAE', 7],
  ['sent/s', 9],
] as const;

const line = (cells: readonly string[]): string =>
  cells
    .map((cell, i) => (i < 2 ? cell.padEnd(COLUMNS[i]![1]) : cell.padStart(COLUMNS[i]![1])))
    .join(' ')
    .trimEnd();

function printTable(results: readonly [string, GroupStats][]): void {
  const header = line(COLUMNS.map(([title]) => title));
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const [label, s] of results) {
    SCORER_NAMES.forEach((name, i) => {
      const x = s[name];
      console.log(
        line([
          i === 0 ? label : '',
          name,
          String(s.n),
          i === 0 ? String(s.skipped) : '',
          fixed(x.pearson, 3),
          fixed(x.spearman, 3),
          Number.isNaN(x.signAgreement) ? 'n/a' : `${(100 * x.signAgreement).toFixed(1)}%`,
          String(x.signN),
          fixed(x.mae, 3),
          fixed(x.sentencesPerSecond, 0),
        ]),
      );
    });
  }
}

// JSON has no NaN; null says "undefined here" to a machine reader.
const round = (value: number, digits: number): number | null =>
  Number.isFinite(value) ? Number(value.toFixed(digits)) : null;

const jsonStats = (s: ScorerStats) => ({
  pearson: round(s.pearson, 4),
  spearman: round(s.spearman, 4),
  signAgreement: round(s.signAgreement, 4),
  signN: s.signN,
  mae: round(s.mae, 4),
  sentencesPerSecond: round(s.sentencesPerSecond, 0),
  errors: s.errors,
});

function main(): void {
  const { data, limit, split } = readArgs();
  const groups = new Map<Corpus, Group>();
  const loaded = CORPORA.map((corpus) => {
    const truth = loadGroundTruth(data, corpus);
    return [
      corpus,
      {
        rows: (limit === undefined ? truth.rows : truth.rows.slice(0, limit)).filter((row) =>
          inSplit(split, corpus, row.id),
        ),
        skipped: truth.skipped,
      },
    ] as const;
  });

  // The first calls build lexicons and phrase caches; keep that one-off cost out of the rates.
  const warmUp = loaded.flatMap(([, t]) => t.rows.slice(0, WARM_UP));
  for (const name of SCORER_NAMES) run(SCORERS[name], warmUp);

  for (const [corpus, truth] of loaded) {
    const runs = {} as Record<ScorerName, Run>;
    for (const name of SCORER_NAMES) runs[name] = run(SCORERS[name], truth.rows);
    groups.set(corpus, { ...truth, runs });
  }

  const results: [string, GroupStats][] = [...groups].map(([corpus, g]) => [corpus, groupStats(g)]);
  const pooled = groupStats(pool([...groups.values()]));
  results.push(['all (pooled)', pooled]);

  console.log(
    `Earshot sentiment calibration: ${data}${limit === undefined ? '' : `, first ${limit} per corpus`}, sentences: ${split}`,
  );
  console.log(
    `engine = scoreCustomerSentiment, wink = bare wink-nlp its.sentiment; human mean / 4 for MAE;` +
      ` sign agreement on |human| > ${SIGN_THRESHOLD}\n`,
  );
  printTable(results);
  for (const [label, s] of results) {
    for (const name of SCORER_NAMES) {
      if (s[name].errors > 0 && label !== 'all (pooled)') {
        console.log(`\n${name} threw on ${s[name].errors} sentence(s) of ${label}; they were scored 0.`);
      }
    }
  }

  const corpora = Object.fromEntries(
    results.map(([label, s]) => [
      label === 'all (pooled)' ? 'pooled' : label,
      {
        n: s.n,
        skipped: s.skipped,
        ...Object.fromEntries(SCORER_NAMES.map((name) => [name, jsonStats(s[name])])),
      },
    ]),
  );
  console.log('');
  console.log(
    JSON.stringify({
      sentimentCalibration: { limit: limit ?? null, split, signThreshold: SIGN_THRESHOLD, corpora },
    }),
  );
}

main();
process.exitCode = 0;
