import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import { chat } from './testing/transcripts.js';
import type { Transcript } from './transcript-schema.js';

describe('listening', () => {
  it('is high when each reply answers what was asked', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'When will my refund arrive?'],
        ['agent', 'Your refund was issued on Monday, so it should reach your card by Thursday.'],
        ['customer', 'Will it go to the same card?'],
        ['agent', 'Yes, it goes back to the card you paid with.'],
      ]),
    );
    expect(result.scores.listening).toBeGreaterThanOrEqual(80);
  });

  it('is low for a polite but unhelpful agent who never answers', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'When will my refund arrive? It has been three weeks.'],
        ['agent', 'Thank you for your patience! We value your business.'],
        ['customer', 'That does not answer my question. When will it arrive?'],
        ['agent', 'I completely understand! Is there anything else I can help you with today?'],
      ]),
    );
    expect(result.scores.listening).toBeLessThan(50);
  });

  it('does not count repeating the same line as an answer to a follow-up', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'My internet is down, when will it be back?'],
        ['agent', 'The estimated fix time is 15:00.'],
        ['customer', 'Is there anything you can do in the meantime?'],
        ['agent', 'The estimated fix time is 15:00.'],
      ]),
    );
    expect(result.scores.listening).toBeLessThan(80);
  });

  it('penalises talking over the customer on a call', () => {
    const lines: Transcript['turns'] = [
      { role: 'customer', text: 'I want to ask about the charge on my bill from last week' },
      { role: 'agent', text: 'Right, the charge is for the router delivery.', overlap: true },
      { role: 'customer', text: 'I never ordered a router' },
      {
        role: 'agent',
        text: 'I see the order was placed by mistake. I have removed the charge.',
        overlap: true,
      },
    ];
    const calm = scoreTranscript({ channel: 'phone', turns: lines.map((t) => ({ ...t, overlap: false })) });
    const interrupted = scoreTranscript({ channel: 'phone', turns: lines });
    expect(interrupted.scores.listening).toBeLessThan(calm.scores.listening);
    expect(interrupted.reasons).toContain('Agent talked over the customer 2 times');
  });

  it('flags a premature close when the chat ends straight after an unanswered request', () => {
    const result = scoreTranscript(
      chat(
        [
          ['customer', 'The app crashes every time I open my statements. How do I fix it?'],
          ['agent', 'Thanks for contacting us. This chat is now closed.'],
        ],
        { events: [{ type: 'closed' }] },
      ),
    );
    expect(result.flags.prematureClose).toBe(true);
    expect(result.scores.listening).toBeLessThan(50);
  });

  it('does not flag a close after the customer confirmed the fix', () => {
    const result = scoreTranscript(
      chat(
        [
          ['customer', 'The app crashes every time I open my statements.'],
          ['agent', 'Please update to version 6.3 from the app store, then sign in again.'],
          ['customer', 'Updated, it works now.'],
          ['agent', 'Great. Thanks for contacting us, goodbye.'],
        ],
        { events: [{ type: 'closed' }] },
      ),
    );
    expect(result.flags.prematureClose).toBe(false);
  });
});
