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

  it('picks what a plain count of shared words picks, on any mix of words and cuts', () => {
    // The rule itself: lower-case each candidate, count its runs of 3+ word characters that are
    // words of the sentence, keep the first with the highest count.
    const words = (text: string): string[] => text.match(/[a-z0-9']{3,}/g) ?? [];
    const cuts = (text: string): string[] => text.split(/(?<=[.!?])\s+|\s*\n\s*/);
    const expected = (text: string, norm: string): string => {
      const trimmed = text.trim();
      const pieces = cuts(trimmed);
      if (pieces.length === 1) return pieces[0]!.trim();
      const wanted = new Set(words(norm));
      let best = trimmed;
      let bestScore = -1;
      for (const piece of pieces) {
        const score = words(piece.toLowerCase()).filter((w) => wanted.has(w)).length;
        if (score > bestScore) [best, bestScore] = [piece, score];
      }
      return best.trim();
    };
    const parts = ['Card', 'card', 'it’s', "it's", '4471', 'new', 'the', 'ÉTÉ', 'no', 'sent', 'ok'];
    const gaps = [' ', ' ', ' ', '. ', '? ', '\n', ', ', '!  '];
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 2000; n += 1) {
      let text = '';
      for (let k = 0, length = 2 + (next() % 10); k < length; k += 1)
        text += parts[next() % parts.length]! + gaps[next() % gaps.length]!;
      let norm = '';
      for (let k = 0, length = 1 + (next() % 4); k < length; k += 1)
        norm += `${parts[next() % parts.length]!.toLowerCase()} `;
      expect(quoteSentence(text, norm)).toBe(expected(text, norm));
    }
  });
});
