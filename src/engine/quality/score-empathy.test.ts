import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import { chat as chatOf, type Line } from './testing/transcripts.js';

const chat = (...lines: Line[]) => chatOf(lines, { customer: { name: 'Ana Ruiz' } });
const upset = "I've been without internet for three days and I'm really fed up, I work from home!";

describe('empathy', () => {
  it('is high when the agent acknowledges the feeling and takes ownership', () => {
    const result = scoreTranscript(
      chat(
        ['customer', upset],
        [
          'agent',
          "Three days without internet when you work from home sounds exhausting, Ana. I'll take care of this myself.",
        ],
        ['agent', "I've booked an engineer for tomorrow morning and credited your bill."],
      ),
    );
    expect(result.scores.empathy).toBeGreaterThanOrEqual(75);
    expect(result.evidence.some((e) => e.criterion === 'empathy' && e.why.startsWith('Acknowledged'))).toBe(
      true,
    );
  });

  it('is low when an upset customer is never acknowledged', () => {
    const result = scoreTranscript(
      chat(
        ['customer', upset],
        ['agent', 'An engineer can visit on Friday.'],
        ['customer', 'fine'],
        ['agent', 'Booked.'],
      ),
    );
    expect(result.scores.empathy).toBeLessThan(50);
    expect(result.reasons.some((r) => r.includes('nobody acknowledged it'))).toBe(true);
  });

  it('counts stock phrases for little, even repeated', () => {
    const result = scoreTranscript(
      chat(
        ['customer', upset],
        ['agent', 'I understand your frustration. We value your business.'],
        ['customer', 'So when will it be fixed?'],
        ['agent', 'I understand your frustration. Your call is important to us.'],
      ),
    );
    expect(result.scores.empathy).toBeLessThan(50);
  });

  it('penalises dismissive wording', () => {
    const polite = scoreTranscript(
      chat(
        ['customer', 'Where is my refund?'],
        ['agent', 'It was sent on Monday and should arrive this week.'],
      ),
    );
    const rude = scoreTranscript(
      chat(
        ['customer', 'Where is my refund?'],
        ['agent', 'As I already told you, it was sent on Monday. There is nothing more I can do.'],
      ),
    );
    expect(rude.scores.empathy).toBeLessThan(polite.scores.empathy);
    expect(rude.reasons.some((r) => r.startsWith('Dismissive'))).toBe(true);
  });

  it('does not treat a misplaced "sorry you are leaving" as sympathy', () => {
    const result = scoreTranscript(
      chat(
        ['customer', 'Please close my account, I no longer need it.'],
        ['agent', "I'm so sorry to hear you're leaving. I've closed it for you."],
      ),
    );
    expect(result.scores.empathy).toBeLessThan(60);
  });
});
