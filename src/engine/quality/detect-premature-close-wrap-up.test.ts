import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import { call } from './testing/transcripts.js';

describe('"anything else?" and premature close', () => {
  it('is a premature close when it answers a request nobody dealt with, and the call ends', () => {
    const result = scoreTranscript(
      call([
        ['customer', 'the cancellation fee is still on my bill'],
        ['customer', 'so can you take it off'],
        ['agent', 'is there anything else i can help with today'],
        ['customer', 'well no just that'],
        ['agent', 'okay thanks for calling have a good day'],
      ]),
    );
    expect(result.flags.prematureClose).toBe(true);
    expect(result.road).toBe(4);
  });

  it('is ordinary wrap-up once the request was addressed', () => {
    const result = scoreTranscript(
      call([
        ['customer', 'hi i need to check my savings balance'],
        ['agent', 'your savings balance is two hundred dollars'],
        ['agent', 'is there anything else i can help with today'],
        ['customer', 'no that is all'],
        ['agent', 'okay thanks for calling have a good day'],
      ]),
    );
    expect(result.flags.prematureClose).toBe(false);
    expect(result.road).not.toBe(4);
  });
});
