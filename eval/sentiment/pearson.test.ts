import { describe, expect, it } from 'vitest';
import { averageRanks, pearson, spearman } from './pearson.js';

describe('pearson', () => {
  it('is 1 for a perfect positive linear relation', () => {
    expect(pearson([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
  });

  it('is -1 for a perfect negative linear relation', () => {
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 12);
  });

  it('matches a hand-computed example', () => {
    // x mean 3, y mean 4; dx = -2..2, dy = -2,-2,1,1,2: sxy = 4+2+0+1+4 = 11, sxx = 10, syy = 14.
    expect(pearson([1, 2, 3, 4, 5], [2, 2, 5, 5, 6])).toBeCloseTo(11 / Math.sqrt(140), 12);
  });

  it('is NaN when a series is constant or too short', () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(pearson([1, 2, 3], [0, 0, 0])).toBeNaN();
    expect(pearson([1], [2])).toBeNaN();
    expect(pearson([], [])).toBeNaN();
  });

  it('rejects series of different lengths', () => {
    expect(() => pearson([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});

describe('averageRanks', () => {
  it('gives tied values the mean of the ranks they span', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 3, 3])).toEqual([3, 1, 3, 3]);
  });
});

describe('spearman', () => {
  it('is 1 for any strictly increasing relation, linear or not', () => {
    expect(spearman([1, 2, 3, 4, 5], [1, 4, 9, 16, 100])).toBeCloseTo(1, 12);
  });

  it('is -1 for a strictly decreasing relation', () => {
    expect(spearman([1, 2, 3, 4], [0.9, 0.5, -0.1, -3])).toBeCloseTo(-1, 12);
  });

  it('uses average ranks for ties', () => {
    // ranks x = 1,2,3,4; ranks y = 1,2.5,2.5,4; both centred on 2.5: sxy = 2.25+0+0+2.25 = 4.5,
    // sxx = 5, syy = 4.5, so rho = 4.5 / sqrt(22.5) (about 0.949).
    expect(spearman([1, 2, 3, 4], [1, 2, 2, 3])).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
  });

  it('matches a hand-computed example without ties', () => {
    // ranks y = 2,1,4,3,5; d = -1,1,-1,1,0, sum d^2 = 4: rho = 1 - 6*4 / (5*24) = 0.8.
    expect(spearman([1, 2, 3, 4, 5], [20, 10, 40, 30, 50])).toBeCloseTo(0.8, 12);
  });

  it('is NaN when every value ties', () => {
    expect(spearman([0, 0, 0], [1, 2, 3])).toBeNaN();
  });
});
