import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import { turnsOf, type Line } from './testing/transcripts.js';
import type { Transcript } from './transcript-schema.js';

const call = (lines: Line[], events?: Transcript['events']): Transcript => ({
  channel: 'phone',
  turns: turnsOf(lines),
  events,
});

describe('redirect and close', () => {
  it('flags pointing the customer at another number and ending the call', () => {
    const result = scoreTranscript(
      call([
        ['customer', 'My new TV has no picture, it is two weeks old.'],
        ['agent', "You'll need to contact the manufacturer about that. Their number is on the box."],
        ['customer', 'Right.'],
        ['agent', 'Thanks for calling, goodbye.'],
      ]),
    );
    expect(result.flags.redirectAndClose).toBe(true);
    expect(result.road).toBe(4);
  });

  it('does not flag a warm handover that ends with the customer confirming it is sorted', () => {
    const result = scoreTranscript(
      call(
        [
          ['customer', 'My new TV has no picture, it is two weeks old.'],
          [
            'agent',
            "The manufacturer handles the warranty, so I'll conference them in now and stay on the line with you.",
          ],
          [
            'agent',
            'Hi, this is Vision support. I have the details from your retailer and have booked an engineer for Thursday.',
          ],
          ['customer', 'Great, the booking email has arrived, all sorted.'],
        ],
        [{ type: 'transfer', method: 'warm', afterTurn: 1 }],
      ),
    );
    expect(result.flags.redirectAndClose).toBe(false);
  });

  it('flags a redirect event followed by the end of the conversation', () => {
    const result = scoreTranscript(
      call(
        [
          ['customer', 'I want to dispute a card payment.'],
          ['agent', 'That is handled elsewhere.'],
        ],
        [{ type: 'redirect', afterTurn: 1 }],
      ),
    );
    expect(result.flags.redirectAndClose).toBe(true);
  });

  it('does not flag a redirect when the conversation carries on and gets dealt with', () => {
    const result = scoreTranscript(
      call([
        ['customer', 'Can I change my flight and also ask about my lost bag?'],
        [
          'agent',
          'Bags are handled by the airport team, you can call them. But let me change the flight for you first.',
        ],
        ['customer', 'Thanks. The 18:00 please.'],
        ['agent', "I've moved you to the 18:00 flight."],
        ['customer', 'And the bag?'],
        [
          'agent',
          "I've emailed the airport team your bag details on your behalf and they'll contact you today.",
        ],
        ['customer', 'Got the confirmation email, thanks.'],
      ]),
    );
    expect(result.flags.redirectAndClose).toBe(false);
  });
});
