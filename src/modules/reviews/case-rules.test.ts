import { describe, expect, it } from 'vitest';
import { caseReason, isRecovery, priorityFor, reachOf } from './case-rules.js';
import { ratingOnFive } from './item-contract.js';

describe('case rules', () => {
  it('open a case at 2 of 5 or less, whatever the scale the site rates on', () => {
    expect(caseReason({ rating5: 2, sentiment: 0.9 })).toBe('rating 2 of 5');
    expect(caseReason({ rating5: 2.5, sentiment: -0.9 })).toBeNull();
    expect(ratingOnFive({ rating: 40, ratingScale: 100 })).toBe(2);
    expect(ratingOnFive({ rating: 3 })).toBe(3);
    expect(ratingOnFive({})).toBeNull();
  });

  it('open a case for a mention at sentiment -0.5 or under', () => {
    expect(caseReason({ rating5: null, sentiment: -0.5 })).toMatch(/^negative mention/);
    expect(caseReason({ rating5: null, sentiment: -0.49 })).toBeNull();
  });

  it("measure a review's reach by the site's visibility, a mention's by followers alone", () => {
    expect(reachOf(10, 1, 5_000)).toBe(5_000);
    expect(reachOf(20_000, 1, 5_000)).toBe(20_000);
    expect(reachOf(10, null, 5_000)).toBe(10);
    expect([999, 1_000, 9_999, 10_000].map(priorityFor)).toEqual(['normal', 'high', 'high', 'urgent']);
  });

  it('count a rating raised to 4 or more, or by 2 or more, as recovered', () => {
    expect(isRecovery(1, 3)).toBe(true);
    expect(isRecovery(3, 4)).toBe(true);
    expect(isRecovery(2, 3)).toBe(false);
    expect(isRecovery(4, 3)).toBe(false);
    expect(isRecovery(null, 5)).toBe(false);
  });
});
