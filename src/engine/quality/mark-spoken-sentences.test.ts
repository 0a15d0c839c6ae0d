import { describe, expect, it } from 'vitest';
import { markSpokenSentences } from './mark-spoken-sentences.js';

describe('markSpokenSentences', () => {
  it('starts a new sentence at a question that follows a statement', () => {
    expect(
      markSpokenSentences('your balance is sixty dollars is there anything else i can help you with'),
    ).toBe('your balance is sixty dollars. is there anything else i can help you with');
  });
  it('separates a greeting, an introduction and a request', () => {
    expect(markSpokenSentences('hello this is harper bank my name is jo how can i help you today')).toBe(
      'hello this is harper bank. my name is jo. how can i help you today',
    );
  });
  it('keeps a short answer with what follows it', () => {
    expect(markSpokenSentences('no thank you')).toBe('no thank you');
    expect(markSpokenSentences('oh okay thanks')).toBe('oh okay thanks');
  });
  it('leaves punctuated text alone', () => {
    const text = 'I need a new card. Thank you!';
    expect(markSpokenSentences(text)).toBe(text);
  });
  it('does not split inside words that only begin like an opening', () => {
    expect(markSpokenSentences('we sent the thankyou card and the byelaw notes')).toBe(
      'we sent the thankyou card and the byelaw notes',
    );
  });
});

describe('markSpokenSentences at the start of a turn', () => {
  it('does not split an opening that contains another one', () => {
    expect(markSpokenSentences('is there anything else i can help you with')).toBe(
      'is there anything else i can help you with',
    );
  });
});
