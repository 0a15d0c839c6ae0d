import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import { call, chat } from './testing/transcripts.js';

// A short, polite conversation that solves the request is good service on any channel.
describe('overall for short polite service', () => {
  it('is at least 70 for a call that solves the request', () => {
    const result = scoreTranscript(
      call([
        ['agent', 'hello this is harper bank my name is sam how can i help you today'],
        ['customer', 'hi i need to check my account balance'],
        ['agent', 'which account would you like to check'],
        ['customer', 'my checking account'],
        ['agent', 'your checking account balance is eighty nine dollars'],
        ['agent', 'is there anything else i can help you with'],
        ['customer', 'no thank you that was all for today'],
        ['agent', 'thank you for calling have a good day'],
      ]),
    );
    expect(result.overall).toBeGreaterThanOrEqual(70);
  });

  it('is at least 70 for a chat that solves the request', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'Hi, can you send me a copy of my last invoice?'],
        ['agent', "Of course. I've emailed it to the address on your account."],
        ['customer', 'Got it, thanks!'],
      ]),
    );
    expect(result.overall).toBeGreaterThanOrEqual(70);
  });

  it('is below 70 when the same polite call leaves the request standing and closes on the customer', () => {
    const result = scoreTranscript(
      call([
        ['agent', 'hello this is harper bank my name is sam how can i help you today'],
        ['customer', 'hi my card was charged twice can you refund one'],
        ['agent', 'is there anything else i can help you with'],
        ['customer', 'well no just the refund'],
        ['agent', 'thank you for calling have a good day'],
      ]),
    );
    expect(result.overall).toBeLessThan(70);
  });
});
