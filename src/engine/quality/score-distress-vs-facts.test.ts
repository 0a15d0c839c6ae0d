import { describe, expect, it } from 'vitest';
import { scoreCustomerSentiment } from './score-customer-sentiment.js';
import { scoreTranscript } from './score-transcript.js';
import { call } from './testing/transcripts.js';

// Upset is how the customer feels, not what happened to them.
const UPSET_AT = -0.3;

describe('distress vs facts', () => {
  it('reads the reason for a call, stated plainly, as not upset', () => {
    for (const said of [
      'i lost my card can you send me a new one',
      "my payment didn't go through",
      'hi i would like to pay a bill',
    ]) {
      expect(scoreCustomerSentiment(said), said).toBeGreaterThan(UPSET_AT);
    }
  });

  it('still reads the same facts said with feeling, or a repeat contact, as upset', () => {
    for (const said of [
      "i lost my card and i'm really worried",
      'this is the third time i have called about this',
      'my card was declined again and this is ridiculous',
    ]) {
      expect(scoreCustomerSentiment(said), said).toBeLessThanOrEqual(UPSET_AT);
    }
  });

  it('reads "no, that\'s all, thank you" after "anything else?" as a friendly close, not a complaint', () => {
    expect(scoreCustomerSentiment("no that's all thank you")).toBeGreaterThan(0);
    expect(scoreCustomerSentiment('no thank you')).toBeGreaterThan(0);
  });

  it('does not expect sympathy for a calmly stated lost card', () => {
    const result = scoreTranscript(
      call([
        ['agent', 'hello this is the bank how can i help you today'],
        ['customer', 'hi i lost my card'],
        ['customer', 'can you send me a new one'],
        ['agent', 'which card would you like to replace'],
        ['customer', 'my credit card please'],
        ['agent', "i've ordered your replacement credit card is there anything else i can help you with"],
        ['customer', "i think that's all that i needed today thank you so much"],
      ]),
    );
    expect(result.signals.customerUpset).toBe(false);
    expect(result.reasons.join(' ')).not.toMatch(/nobody acknowledged/);
    expect(result.road).not.toBe(4);
  });
});

describe('empathy follows what the customer brought', () => {
  const request = (agentLine: string) =>
    scoreTranscript(
      call([
        ['customer', 'hi i need a new checkbook'],
        ['agent', agentLine],
        ['customer', "no that's all thank you"],
      ]),
    ).scores.empathy;

  it('does not count reporting a plain task done as caring about a problem', () => {
    expect(request('a new checkbook has been sent to your home address')).toBeLessThan(60);
  });

  it('still counts taking on a problem the customer had as ownership', () => {
    const withProblem = scoreTranscript(
      call([
        ['customer', 'my card was declined at the shop and i was so embarrassed'],
        ['agent', "oh i'm sorry that must have been awful"],
        ['agent', "i've unblocked your card it was a fraud check on our side"],
        ['customer', 'okay thank you'],
      ]),
    ).scores.empathy;
    expect(withProblem).toBeGreaterThanOrEqual(60);
  });
});

describe('a closing "no" that is a complaint', () => {
  it('stays negative when the customer says the problem is still there', () => {
    expect(scoreCustomerSentiment("no it's still not working and i'm fed up")).toBeLessThanOrEqual(UPSET_AT);
  });
});
