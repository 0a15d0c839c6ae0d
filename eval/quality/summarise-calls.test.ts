import { describe, expect, it } from 'vitest';
import { asrGap, overallVsCallerRating, topRatedOnRoad4 } from './summarise-calls.js';

const call = (callerRating: number | null, agentRating: number | null, overall: number, road: number) => ({
  callerRating,
  agentRating,
  overall,
  road,
});

describe('topRatedOnRoad4', () => {
  it('counts only calls both sides rated 10, and those of them on Road 4', () => {
    const out = topRatedOnRoad4([
      call(10, 10, 80, 2),
      call(10, 10, 30, 4),
      call(10, null, 20, 4),
      call(3, 10, 20, 4),
    ]);
    expect(out).toEqual({ n: 2, road4: 1 });
  });
});

describe('overallVsCallerRating', () => {
  it('ranks overall against the caller rating, skipping unrated calls', () => {
    const out = overallVsCallerRating([call(10, null, 90, 2), call(3, null, 40, 4), call(null, 10, 10, 4)]);
    expect(out.n).toBe(2);
    expect(out.rho).toBeCloseTo(1);
  });
  it('is NaN when every rating is the same', () => {
    expect(overallVsCallerRating([call(10, null, 90, 2), call(10, null, 40, 4)]).rho).toBeNaN();
  });
});

describe('asrGap', () => {
  it('averages the overall difference and counts matching roads', () => {
    const out = asrGap([
      { human: { overall: 80, road: 2 }, asr: { overall: 70, road: 2 } },
      { human: { overall: 60, road: 2 }, asr: { overall: 70, road: 4 } },
    ]);
    expect(out).toEqual({ n: 2, meanAbsoluteOverall: 10, meanSignedOverall: 0, sameRoad: 1 });
  });
});
