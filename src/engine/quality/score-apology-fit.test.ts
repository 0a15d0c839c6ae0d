import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import { chat as chatOf, type Line } from './testing/transcripts.js';
import type { Transcript } from './transcript-schema.js';

const chat = (...lines: Line[]) => chatOf(lines);

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
      ...chat(
        ['customer', 'I am calling about my boiler service booking.'],
        ['agent', 'I can book Friday morning for you.'],
      ),
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

  it.each([
    ['My new router arrived with a cracked case.', 'I will send a replacement router today.'],
    [
      'You have billed me 40 pounds more than my plan costs this month.',
      'I have credited the 40 pounds back to your account.',
    ],
    [
      'I was told on the phone the setup fee would be waived but it is on my bill.',
      'I have removed the setup fee from your bill.',
    ],
    [
      'The parcel tracking says delivered but nothing came.',
      'I have opened a claim with the courier and will send a new parcel.',
    ],
    [
      'I got an email saying my account was closed, but I never asked for that!',
      'I have reopened your account.',
    ],
  ])('misses the apology after a company error the customer describes: "%s"', (customer, agent) => {
    expect(scoreTranscript(chat(['customer', customer], ['agent', agent], ['customer', 'ok'])).apology).toBe(
      'missed',
    );
  });

  it("owes an apology once the agent names the company's own error, even unprompted", () => {
    const admitted: Line = [
      'agent',
      'Our system applied your discount twice last month and took it back this month. I have corrected it.',
    ];
    const silent = scoreTranscript(
      chat(['customer', 'Why is my bill higher this month?'], admitted, ['customer', 'ok']),
    );
    expect(silent.apology).toBe('missed');
    expect(silent.evidence.find((e) => e.criterion === 'apologyFit')?.turn).toBe(1);
    const sorry: Line = [
      'agent',
      'Our system applied your discount twice by mistake, and I am sorry for the confusion. I have corrected it.',
    ];
    expect(
      scoreTranscript(chat(['customer', 'Why is my bill higher this month?'], sorry, ['customer', 'ok']))
        .apology,
    ).toBe('fit');
  });

  it.each([
    ['I was told to call you but I could not find the number.', 'You found us. What can I do for you?'],
    [
      'It will not turn on since I dropped it in the bath.',
      'Water damage is not covered, but I can offer a discounted repair.',
    ],
    [
      'Why is my bill lower this month?',
      'Our system applied your loyalty discount automatically this month.',
    ],
    [
      'Did I do something wrong with the settings?',
      'No, it is not our fault or yours: you just need to restart it.',
    ],
    ['Can I get a quote for two more seats?', 'Of course, that would be 20 pounds more than you pay now.'],
  ])('owes nothing where nothing went wrong: "%s"', (customer, agent) => {
    expect(
      scoreTranscript(chat(['customer', customer], ['agent', agent], ['customer', 'ok thanks'])).apology,
    ).toBe('none');
  });
});
