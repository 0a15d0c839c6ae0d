import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import { chat } from './testing/transcripts.js';

describe('road classification', () => {
  it('is Road 1 when the agent logs the feedback as an improvement', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'It would be great if I could export invoices as a CSV.'],
        ['agent', "Great idea. I've passed this to our product team as a feature request."],
      ]),
    );
    expect(result.road).toBe(1);
    expect(result.reasons[0]).toMatch(/^Road 1/);
  });

  it('is Road 3 when the customer is taught how and confirms it worked', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'How do I turn off the email notifications?'],
        ['agent', 'Go to Settings > Notifications, then switch off "Email updates".'],
        ['customer', 'Done, that worked.'],
      ]),
    );
    expect(result.road).toBe(3);
  });

  it('is Road 2 when an upset customer is cared for and ends happier', () => {
    const result = scoreTranscript(
      chat([
        ['customer', "I'm really worried, there's a payment on my card I don't recognise."],
        [
          'agent',
          "That must be worrying. I'll take care of it: I've frozen the card and raised a dispute for you.",
        ],
        ['customer', 'Thank you so much, I feel much better now.'],
      ]),
    );
    expect(result.road).toBe(2);
  });

  it('puts Road 4 first when its signals are present, even with a kind agent', () => {
    const result = scoreTranscript(
      chat(
        [
          ['customer', "I'm really worried, there's a payment on my card I don't recognise."],
          [
            'agent',
            "That must be worrying. I'll take care of it: I've frozen the card and raised a dispute for you.",
          ],
          ['customer', 'Thank you so much, I feel much better now.'],
        ],
        { events: [{ type: 'hold', durationSeconds: 900 }] },
      ),
    );
    expect(result.road).toBe(4);
    expect(result.reasons[0]).toMatch(/^Road 4 \(go away\): long hold/);
  });

  it('is Road 4 when a customer problem is left unresolved', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'My parcel is missing.'],
        ['agent', 'I can see it was dispatched.'],
      ]),
    );
    expect(result.resolution).toBe('unresolved');
    expect(result.road).toBe(4);
  });
});
