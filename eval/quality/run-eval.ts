// Scores the labelled conversations with the quality engine and prints how often it agrees, for the
// written set and the real calls, overall and per channel.
//   npx tsx eval/quality/run-eval.ts [--set written|calls|all] [--split heldout|tune|all] [--verbose]
// A report, not a test: it always exits 0 once it has printed.
import { parseArgs } from 'node:util';
import { APOLOGIES, RESOLUTIONS, ROADS, loadCallSet, loadEvalSet, type Split } from './load-eval-set.js';
import { CRITERIA, HIGH_FROM, expectedOf, predict } from './predict-labels.js';
import {
  pad,
  pct,
  printAccuracy,
  printChannels,
  printConfusion,
  printFlags,
  type Row,
} from './print-tables.js';
import { asrGap, overallVsCallerRating, topRatedOnRoad4, type RatedCall } from './summarise-calls.js';

const ROAD_NAMES: Record<number, string> = { 1: 'learn', 2: 'care', 3: 'teach', 4: 'go away' };
const SETS = ['written', 'calls', 'all'] as const;
type SetName = (typeof SETS)[number];

type Case = { id: string; note: string; row: Row; error?: string };

function readArgs(): { set: SetName; split: Split | 'all'; verbose: boolean } {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: 'all' },
      split: { type: 'string', default: 'heldout' },
      verbose: { type: 'boolean', short: 'v', default: false },
    },
    strict: true,
  });
  const { split, set } = values;
  if (split !== 'heldout' && split !== 'tune' && split !== 'all') {
    console.error(`--split must be heldout, tune or all (got "${split}")`);
    process.exit(2);
  }
  if (!SETS.includes(set as SetName)) {
    console.error(`--set must be written, calls or all (got "${set}")`);
    process.exit(2);
  }
  return { set: set as SetName, split, verbose: values.verbose ?? false };
}

function score(
  c: { id: string; note: string; labels: Parameters<typeof expectedOf>[0] },
  t: Parameters<typeof predict>[0],
) {
  const scored = predict(t);
  const row: Row = { id: c.id, channel: t.channel, expected: expectedOf(c.labels), got: scored.got };
  return { case: { id: c.id, note: c.note, row, error: scored.error } as Case, result: scored.result };
}

function printSet(title: string, cases: readonly Case[], verbose: boolean) {
  const rows = cases.map((c) => c.row);
  console.log(`\n=== ${title}, n = ${rows.length} ===`);
  console.log(`(empathy and listening count as "high" when the engine's score is >= ${HIGH_FROM})\n`);
  printAccuracy(rows);
  console.log('');
  printChannels(rows);
  console.log('');
  printFlags(rows);
  console.log('');
  printConfusion('Road confusion', ROADS.map(String), rows, 'road', ROAD_NAMES);
  console.log('');
  printConfusion('Resolution confusion', RESOLUTIONS, rows, 'resolution');
  console.log('');
  printConfusion('Apology confusion', APOLOGIES, rows, 'apology');

  const failures = cases.filter((c) => c.error);
  if (failures.length > 0) {
    console.log(`\nThe engine threw on ${failures.length} transcript(s); they count as wrong everywhere:`);
    for (const f of failures) console.log(`  ${f.id}: ${f.error}`);
  }
  if (verbose) {
    const misses = cases.flatMap(({ id, note, row }) =>
      CRITERIA.filter((k) => row.expected[k] !== row.got[k]).map((k) => ({ id, note, k, row })),
    );
    console.log(`\nMisses (${misses.length}):`);
    for (const { id, note, k, row } of misses) {
      console.log(
        `${pad(id, 11)}${pad(k, 19)}${pad(`expected ${row.expected[k]}`, 20)}${pad(`got ${row.got[k]}`, 16)}${note}`,
      );
    }
  }
}

function runWritten(split: Split | 'all', verbose: boolean) {
  const cases = loadEvalSet(split).map((c) => score(c, c.transcript).case);
  printSet(`Written set, split ${split}`, cases, verbose);
}

function runCalls(split: Split | 'all', verbose: boolean) {
  const all = loadCallSet('all');
  const scored = all.map((c) => ({ c, human: score(c, c.transcript), asr: score(c, c.asrTranscript) }));
  const inSplit = scored.filter((s) => split === 'all' || s.c.split === split);
  printSet(
    `Real calls (Harper Valley Bank), human transcripts, split ${split}`,
    inSplit.map((s) => s.human.case),
    verbose,
  );
  console.log('');
  printAccuracy(inSplit.map((s) => s.asr.case.row).map((row) => row));
  console.log('(the same calls scored from the ASR text)');

  const rated = (use: 'human' | 'asr', from: typeof scored): RatedCall[] =>
    from.flatMap((s) =>
      s[use].result
        ? [
            {
              callerRating: s.c.source.callerRating,
              agentRating: s.c.source.agentRating,
              overall: s[use].result!.overall,
              road: s[use].result!.road,
            },
          ]
        : [],
    );
  console.log('\nReal calls against the ratings the two people gave each other (human text):');
  // While tuning (--split tune) nothing from the held-out calls is printed, not even in aggregate.
  const views =
    split === 'heldout'
      ? [[`split ${split}`, inSplit] as const, ['all 24', scored] as const]
      : [[`split ${split}`, inSplit] as const];
  for (const [name, from] of views) {
    const top = topRatedOnRoad4(rated('human', from));
    const rho = overallVsCallerRating(rated('human', from));
    console.log(
      `  ${pad(name, 14)} rated 10 by both on Road 4: ${top.road4}/${top.n} (${pct(top.road4, top.n).trim()}; target < 15%)` +
        `   Spearman rho(overall, caller rating): ${Number.isNaN(rho.rho) ? 'n/a (ratings do not vary)' : rho.rho.toFixed(3)} over ${rho.n} rated calls`,
    );
  }
  const gap = asrGap(
    inSplit.flatMap((s) =>
      s.human.result && s.asr.result
        ? [
            {
              human: { overall: s.human.result.overall, road: s.human.result.road },
              asr: { overall: s.asr.result.overall, road: s.asr.result.road },
            },
          ]
        : [],
    ),
  );
  const agree = (use: 'human' | 'asr') =>
    inSplit.reduce(
      (sum, s) => sum + CRITERIA.filter((k) => s[use].case.row.expected[k] === s[use].case.row.got[k]).length,
      0,
    );
  const cells = inSplit.length * CRITERIA.length;
  console.log(
    `\nASR vs human transcript (split ${split}, ${inSplit.length} calls): mean of criteria ${pct(agree('human'), cells).trim()} (human) vs ` +
      `${pct(agree('asr'), cells).trim()} (ASR); overall differs by ${gap.meanAbsoluteOverall.toFixed(1)} points on ` +
      `average (ASR minus human ${gap.meanSignedOverall >= 0 ? '+' : ''}${gap.meanSignedOverall.toFixed(1)}); same road on ${gap.sameRoad}/${gap.n}`,
  );
}

function main() {
  const { set, split, verbose } = readArgs();
  console.log(`Earshot quality eval: set ${set}, split ${split}`);
  if (set !== 'calls') runWritten(split, verbose);
  if (set !== 'written') runCalls(split, verbose);
}

main();
process.exitCode = 0;
