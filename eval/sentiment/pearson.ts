// Correlation measures for the sentiment calibration report. Pure and dependency-free so the
// figures in README.md can be checked by hand against the unit tests.

const mean = (values: readonly number[]): number => {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
};

const assertPaired = (xs: readonly number[], ys: readonly number[]): void => {
  if (xs.length !== ys.length) throw new RangeError(`series differ in length (${xs.length} vs ${ys.length})`);
};

// Returns NaN when either series has fewer than two values or no spread at all: a correlation is
// undefined there, and NaN keeps a flat scorer from being reported as "0.000, uncorrelated".
export const pearson = (xs: readonly number[], ys: readonly number[]): number => {
  assertPaired(xs, ys);
  if (xs.length < 2) return Number.NaN;
  // Centre first: summing raw squares loses precision when values sit far from zero.
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i += 1) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  // Rounding can push a perfect correlation a hair past ±1.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
};

// 1-based ranks; tied values share the mean of the ranks they span, so Spearman stays the
// Pearson correlation of the ranks even when a scorer returns many identical scores (e.g. 0).
export const averageRanks = (values: readonly number[]): number[] => {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) ranks[order[k]!] = rank;
    start = end + 1;
  }
  return ranks;
};

export const spearman = (xs: readonly number[], ys: readonly number[]): number => {
  assertPaired(xs, ys);
  return pearson(averageRanks(xs), averageRanks(ys));
};
