import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import type { Transcript } from './transcript-schema.js';

type Line = [Transcript['turns'][number]['role'], string];
const chat = (...lines: Line[]): Transcript => ({ channel: 'chat', turns: lines.map(([role, text]) => ({ role, text })) });

describe('apology fit', () => {
  it('fits when the company got something wrong', () => {
    const result = scoreTranscript(
      chat(
        ['customer', 'You charged me twice for my March bill.'],
        ['agent', "I'm sorry, that's our mistake. I've refunded the second payment."],
      ),
    );
    expect(result.apology).toBe('fit');
    expect(result.scores.apologyFit).toBeGreaterThanOrEqual(50);
    expect(result.flags.apologyMisplaced).toBe(false);
  });

  it("is misplaced when it apologises for the customer's own choice", () => {
    const result = scoreTranscript(
      chat(
        ['customer', "I'd like to cancel my membership, I'm moving abroad next month."],
        ['agent', "I'm so sorry to hear that you're leaving us."],
        ['agent', "I've cancelled it from the end of the month."],
      ),
    );
    expect(result.apology).toBe('misplaced');
    expect(result.flags.apologyMisplaced).toBe(true);
    expect(result.scores.apologyFit).toBeLessThan(50);
    expect(result.evidence.find((e) => e.criterion === 'apologyFit')?.turn).toBe(1);
  });

  it('is not misplaced when the customer is leaving because something went wrong', () => {
    const result = scoreTranscript(
      chat(
        ['customer', 'I want to cancel because the internet keeps dropping every evening.'],
        ['agent', "I'm sorry the connection has been so unreliable."],
      ),
    );
    expect(result.apology).toBe('fit');
  });

  it('is missed when a company error gets no apology at all', () => {
    const result = scoreTranscript(
      chat(
        ['customer', 'My parcel never arrived and tracking has not moved for a week.'],
        ['agent', 'The parcel is with the courier. It will arrive on Friday.'],
      ),
    );
    expect(result.apology).toBe('missed');
    expect(result.scores.apologyFit).toBeLessThan(50);
  });

  it('treats a missed callback event as a company error that needs an apology', () => {
    const transcript: Transcript = {
      ...chat(['customer', 'I am calling about my boiler service booking.'], ['agent', 'I can book Friday morning for you.']),
      events: [{ type: 'callback_missed' }],
    };
    expect(scoreTranscript(transcript).apology).toBe('missed');
  });

  it('is none, scoring 100, when nothing went wrong and nobody apologised', () => {
    const result = scoreTranscript(
      chat(['customer', 'What time do you open on Saturday?'], ['agent', 'We open at 9am on Saturdays.']),
    );
    expect(result.apology).toBe('none');
    expect(result.scores.apologyFit).toBe(100);
  });

  it('does not count "no need to apologise" or "sorry, I didn\'t catch that" as apologies', () => {
    const result = scoreTranscript(
      chat(
        ['customer', 'Sorry to bother you, I want to downgrade my plan.'],
        ['agent', "No need to apologise! Sorry, I didn't catch that, which plan?"],
        ['customer', 'The basic one.'],
        ['agent', "Done, you're on Basic from next month."],
      ),
    );
    expect(result.apology).toBe('none');
  });
});
