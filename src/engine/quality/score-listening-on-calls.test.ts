import { describe, expect, it } from 'vitest';
import { analyseText } from './analyse-text.js';
import { scoreTranscript } from './score-transcript.js';
import { call } from './testing/transcripts.js';

describe('listening on calls', () => {
  it('counts asking what is needed to carry out a request as taking it up', () => {
    const result = scoreTranscript(
      call([
        ['customer', 'hi i would like to pay a bill'],
        ['agent', 'okay what is the company name'],
        ['customer', 'fossil gas'],
      ]),
    );
    expect(result.scores.listening).toBeGreaterThanOrEqual(60);
  });

  it('does not count a stock "anything else" as taking up the request', () => {
    const result = scoreTranscript(
      call([
        ['customer', 'hi i would like to pay a bill'],
        ['agent', 'is there anything else i can help you with'],
        ['customer', 'well the bill'],
      ]),
    );
    expect(result.scores.listening).toBeLessThan(60);
  });
});

describe('questions in unpunctuated speech', () => {
  const isQuestion = (text: string) =>
    analyseText(text, { sentiment: false }).sentences.some((s) => s.question);
  it('finds a question behind one or two spoken lead-ins', () => {
    expect(isQuestion('okay what is the company name')).toBe(true);
    expect(isQuestion('okay and what is the bill amount')).toBe(true);
    expect(isQuestion('yes sure what day')).toBe(true);
  });
  it('does not read a statement behind a lead-in as a question', () => {
    expect(isQuestion('okay i can help you with that')).toBe(false);
    expect(isQuestion('sure your balance is ten dollars')).toBe(false);
  });
});

describe('listening on calls: a request put as a question', () => {
  it('counts a follow-up question as taking up "can you send me a new one"', () => {
    const result = scoreTranscript(
      call([
        ['customer', 'hi i lost my card can you send me a new one'],
        ['agent', 'which card would you like to replace'],
        ['customer', 'my credit card'],
      ]),
    );
    expect(result.scores.listening).toBeGreaterThanOrEqual(60);
  });

  it('does not count a question back as an answer to "can you tell me why"', () => {
    const result = scoreTranscript(
      call([
        ['customer', 'can you tell me why my bill went up'],
        ['agent', 'which account is that'],
        ['customer', 'the main one'],
        ['agent', 'okay thanks for calling bye'],
      ]),
    );
    expect(result.scores.listening).toBeLessThan(60);
  });
});
