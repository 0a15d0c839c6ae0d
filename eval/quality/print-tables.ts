// Plain-text tables for the eval report.
import { FLAG_NAMES } from './load-eval-set.js';
import { CRITERIA, type Criterion, type Prediction } from './predict-labels.js';

export type Row = { id: string; channel: string; expected: Prediction; got: Prediction };

export const pct = (num: number, den: number) =>
  den === 0 ? '   n/a' : `${((100 * num) / den).toFixed(1).padStart(5)}%`;
export const pad = (s: string | number, w: number) => String(s).padEnd(w);
export const padL = (s: string | number, w: number) => String(s).padStart(w);

export function printAccuracy(rows: readonly Row[]) {
  const n = rows.length;
  console.log(`${pad('criterion', 20)}${padL('correct', 9)}  accuracy`);
  let sum = 0;
  for (const k of CRITERIA) {
    const ok = rows.filter((r) => r.expected[k] === r.got[k]).length;
    sum += n === 0 ? 0 : ok / n;
    console.log(`${pad(k, 20)}${padL(`${ok}/${n}`, 9)}  ${pct(ok, n)}`);
  }
  console.log(`${pad('mean of criteria', 20)}${padL('', 9)}  ${pct(sum, CRITERIA.length)}`);
}

// One line per channel: the headline criteria and the mean over all of them.
export function printChannels(rows: readonly Row[]) {
  const heads: Criterion[] = ['road', 'resolution', 'apology', 'empathy', 'listening'];
  console.log(
    `${pad('channel', 10)}${padL('n', 4)}${heads.map((h) => padL(h, 12)).join('')}${padL('all', 9)}`,
  );
  for (const channel of [...new Set(rows.map((r) => r.channel))].sort()) {
    const mine = rows.filter((r) => r.channel === channel);
    const acc = (k: Criterion) => mine.filter((r) => r.expected[k] === r.got[k]).length;
    const all = CRITERIA.reduce((sum, k) => sum + acc(k), 0);
    console.log(
      `${pad(channel, 10)}${padL(mine.length, 4)}${heads.map((h) => padL(pct(acc(h), mine.length), 12)).join('')}${padL(pct(all, mine.length * CRITERIA.length), 9)}`,
    );
  }
}

export function printFlags(rows: readonly Row[]) {
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

export function printConfusion(
  title: string,
  values: readonly string[],
  rows: readonly Row[],
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
