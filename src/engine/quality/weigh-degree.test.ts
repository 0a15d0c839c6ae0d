import { describe, expect, it } from 'vitest';
import { scoreCustomerSentiment } from './score-customer-sentiment.js';
import { degreeFactor } from './weigh-degree.js';

describe('degree words and questions', () => {
  it('scales a sentence up for a booster and down for a dampener', () => {
    expect(degreeFactor('the food was very good', false)).toBeGreaterThan(1);
    expect(degreeFactor('the food was slightly good', false)).toBeLessThan(1);
  });
  it('leaves a plain statement alone and does not read "some" or "sofa" as degree words', () => {
    expect(degreeFactor('the food was good', false)).toBe(1);
    expect(degreeFactor('some food on the sofa', false)).toBe(1);
  });
  it('counts a question for less than a statement', () => {
    expect(degreeFactor('is the food good', true)).toBeLessThan(1);
  });
  it('orders slightly good < good < very good, and a question below the statement', () => {
    const slightly = scoreCustomerSentiment('the food was slightly good');
    const plain = scoreCustomerSentiment('the food was good');
    const very = scoreCustomerSentiment('the food was very good');
    expect(slightly).toBeLessThan(plain);
    expect(plain).toBeLessThan(very);
    expect(scoreCustomerSentiment('is the food good?')).toBeLessThan(plain);
  });
});
