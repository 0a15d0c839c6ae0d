import { describe, expect, it } from 'vitest';
import { scoreCustomerSentiment } from './score-customer-sentiment.js';
import { splitAtContrast, weighContrast } from './weigh-contrast.js';

describe('contrast ("but")', () => {
  it('splits at the first contrast word between two clauses', () => {
    expect(splitAtContrast('the screen is lovely but the battery dies')).toEqual({
      before: 'the screen is lovely',
      after: 'the battery dies',
    });
  });
  it('does not split a sentence that opens with the contrast word or has none', () => {
    expect(splitAtContrast('but why is it late')).toBeNull();
    expect(splitAtContrast('the butler brought the butter')).toBeNull();
  });
  it('lets the clause after the contrast decide the sign', () => {
    expect(weighContrast(0.6, -0.4)).toBeLessThan(0);
    expect(weighContrast(-0.6, 0.4)).toBeGreaterThan(0);
    expect(weighContrast(0.6, 0)).toBeCloseTo(0.3);
  });
  it('reads a sentence by what follows "but"', () => {
    expect(scoreCustomerSentiment('the app looks nice but it is useless')).toBeLessThan(0);
    expect(scoreCustomerSentiment('the old app was bad but the new one is great')).toBeGreaterThan(0);
  });
});
