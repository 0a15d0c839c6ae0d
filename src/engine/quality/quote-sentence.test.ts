import { describe, expect, it } from 'vitest';
import { quoteSentence } from './quote-sentence.js';

describe('quoteSentence', () => {
  it('quotes the original sentence sharing most words with the normalised one', () => {
    const text = "Hi there. I've refunded the duplicate charge! Anything else?";
    expect(quoteSentence(text, 'i have refunded the duplicate charge !')).toBe(
      "I've refunded the duplicate charge!",
    );
    expect(quoteSentence(text, 'anything else ?')).toBe('Anything else?');
  });

  it('cuts at line breaks with the space around them, and at sentence ends before space', () => {
    const text = '  Thanks for waiting \n\n  the parcel left on Tuesday.Tracking is 4471  ';
    expect(quoteSentence(text, 'the parcel left on tuesday')).toBe(
      'the parcel left on Tuesday.Tracking is 4471',
    );
    expect(quoteSentence(text, 'thanks for waiting')).toBe('Thanks for waiting');
  });

  it('keeps the first of equally good sentences and the whole text without a cut', () => {
    expect(quoteSentence('One two. Three four.', 'five six')).toBe('One two.');
    expect(quoteSentence('no cut here', 'here')).toBe('no cut here');
    expect(quoteSentence('First. Second.')).toBe('First. Second.');
  });

  it('cuts only at space after a sentence end or space holding a line break, of any kind', () => {
    const text = 'Done!\u00a0 Next step\tis here. Call\r\n\u2028us? ok';
    expect(quoteSentence(text, 'next step')).toBe('Next step\tis here.');
    expect(quoteSentence(text, 'call')).toBe('Call');
    expect(quoteSentence(text, 'done')).toBe('Done!');
    // A carriage return alone is space but not a line break.
    expect(quoteSentence('one two\rthree. four five', 'three')).toBe('one two\rthree.');
  });

  it('counts words of three or more letters, digits and apostrophes, as often as they occur', () => {
    const text = "It's 4471. I can't see it, it's it's here";
    expect(quoteSentence(text, "it's it's")).toBe("I can't see it, it's it's here");
    expect(quoteSentence(text, '4471')).toBe("It's 4471.");
  });
});
