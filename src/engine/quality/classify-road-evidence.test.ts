import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import { call, chat } from './testing/transcripts.js';

describe('Road 4 needs evidence that the customer was sent away', () => {
  it('reads an ordinary request handled politely, with no spoken confirmation, as Road 2 and says why', () => {
    const result = scoreTranscript(
      call([
        ['agent', 'hello this is the bank how can i help you today'],
        ['customer', 'hi i would like to pay a bill'],
        ['agent', 'what is the company name'],
        ['customer', 'fossil gas'],
        ['agent', 'and what is the amount'],
        ['customer', 'one hundred and thirteen dollars'],
        ['agent', 'is there anything else i can help you with'],
        ['customer', "nope that's gonna be it thank you"],
      ]),
    );
    expect(result.road).toBe(2);
    expect(result.reasons[0]).toMatch(/nothing sent the customer away/);
    expect(result.signals.unresolvedProblem).toBe(false);
  });

  it('still reads a problem left standing, with the customer not satisfied, as Road 4', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'My internet has not been working since Monday.'],
        ['agent', 'Have you tried restarting the router?'],
        ['customer', "Yes, twice. It's still not working."],
        ['agent', 'Ok. Anything else?'],
        ['customer', 'so that is it then?'],
      ]),
    );
    expect(result.resolution).toBe('unresolved');
    expect(result.road).toBe(4);
  });

  it('does not let a satisfied close excuse a problem the customer reported after it', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'My card was declined at the shop.'],
        ['agent', 'Anything else?'],
        ['customer', "No that's all, thanks."],
        ['customer', 'Actually the card is still not working.'],
      ]),
    );
    expect(result.road).toBe(4);
  });
});
