import { describe, expect, it } from 'vitest';
import { scoreCustomerSentiment } from './score-customer-sentiment.js';

describe('scoreCustomerSentiment (support calibration)', () => {
  it.each([
    'I have been on hold for an hour',
    "It's still not working",
    "I've been charged twice for the same order",
    'thanks for nothing',
    'Great, another hour wasted.',
    'I am not happy with this at all',
    "I've been waiting for three weeks for my refund",
  ])('reads "%s" as negative', (text) => {
    expect(scoreCustomerSentiment(text)).toBeLessThan(-0.25);
  });

  it.each([
    'That fixed it, thank you!',
    'All sorted now, brilliant',
    "it's working again",
    'Thank you so much, you have been really helpful',
  ])('reads "%s" as positive', (text) => {
    expect(scoreCustomerSentiment(text)).toBeGreaterThan(0.25);
  });

  it.each([
    "Great service, I'd buy another one",
    'Excellent battery life, 14 hours',
    'Super helpful agent, never had such good service',
  ])('does not mistake praise that mentions "%s" for sarcasm', (text) => {
    expect(scoreCustomerSentiment(text)).toBeGreaterThan(0.1);
  });

  it.each([
    'oh great another outage',
    'Brilliant, now I have to call again.',
    'Well done, you cut me off again',
  ])('reads sarcasm "%s" as negative', (text) => {
    expect(scoreCustomerSentiment(text)).toBeLessThan(-0.25);
  });

  it('treats cancelling as a neutral request, not a complaint', () => {
    expect(Math.abs(scoreCustomerSentiment('I would like to cancel my subscription please'))).toBeLessThan(
      0.2,
    );
  });

  it('reads "not bad" as mildly positive and "not happy" as clearly negative', () => {
    const notBad = scoreCustomerSentiment('not bad');
    expect(notBad).toBeGreaterThan(0);
    expect(notBad).toBeLessThan(scoreCustomerSentiment('really good'));
    expect(scoreCustomerSentiment('not happy')).toBeLessThan(-0.3);
  });

  it('keeps a bare "ok" close to neutral', () => {
    expect(scoreCustomerSentiment('ok')).toBeLessThan(0.25);
    expect(scoreCustomerSentiment('ok')).toBeGreaterThanOrEqual(0);
  });
});
