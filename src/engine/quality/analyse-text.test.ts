import { describe, expect, it } from 'vitest';
import { analyseText, splitRawSentences } from './analyse-text.js';

describe('analyseText', () => {
  it('normalises contractions so phrase lists need one spelling', () => {
    expect(analyseText("I can't log in and it isn't working", { sentiment: false }).norm).toBe(
      'i can not log in and it is not working',
    );
    expect(analyseText("the internet's been down", { sentiment: false }).norm).toBe(
      'the internet has been down',
    );
    expect(analyseText("Sarah's account", { sentiment: false }).norm).toBe("sarah 's account");
  });

  it('splits sentences the same way for customer and agent text, keeping list markers inside', () => {
    const customer = analyseText('It stopped working. Can you help?', { sentiment: true });
    const agent = analyseText('1. Open Settings\n2. Tap Reset. Then wait', { sentiment: false });
    expect(customer.sentences.map((s) => s.norm)).toEqual(['it stopped working .', 'can you help ?']);
    expect(agent.sentences.map((s) => s.norm)).toEqual(['open settings .', 'tap reset .', 'then wait']);
  });

  it("reads each customer sentence's feeling as if it stood alone", () => {
    const text = "I can't log in. It is not bad but slow!! The internet's been down, not good. Thanks";
    const turn = analyseText(text, { sentiment: true });
    const pieces = splitRawSentences(text);
    expect(turn.sentences).toHaveLength(pieces.length);
    turn.sentences.forEach((sentence, i) => {
      const [alone] = analyseText(pieces[i]!, { sentiment: true }).sentences;
      expect(sentence.norm).toBe(alone!.norm);
      expect(sentence.sentiment).toBe(alone!.sentiment);
      expect(sentence.negated.map((t) => t - sentence.first)).toEqual(alone!.negated);
    });
    expect(turn.sentences.some((s) => s.negated.length > 0)).toBe(true);
  });

  it("counts every word-like token of the turn, list markers' too", () => {
    const wordLike = new Set(['word', 'number', 'email', 'hashtag', 'ordinal', 'time']);
    for (const [text, sentiment] of [
      ['1. Open Settings\n2. Tap Reset. Then wait 5 minutes', false],
      ['It broke on the 3rd at 5pm. Email me@example.com!', true],
      ['', false],
    ] as const) {
      const read = analyseText(text, { sentiment });
      expect(read.wordCount).toBe(read.types.filter((t) => wordLike.has(t)).length);
    }
    expect(analyseText('1. Open Settings\n2. Tap Reset', { sentiment: false }).wordCount).toBe(6);
  });

  it('marks questions with or without a question mark, after a greeting too', () => {
    const [a, b] = analyseText('hi, can I have my PAC code please. I am moving network', {
      sentiment: true,
    }).sentences;
    expect(a?.question).toBe(true);
    expect(b?.question).toBe(false);
  });

  it('scores customer sentences with wink and keeps negation inside its sentence', () => {
    const { sentences } = analyseText('I am not happy. The agent was great.', { sentiment: true });
    expect(sentences[0]!.sentiment).toBeLessThan(0);
    expect(sentences[1]!.sentiment).toBeGreaterThan(0);
  });

  it('reads agent text into expanded, lower-cased tokens and their types', () => {
    const analysis = analyseText("Hi, I've refunded the £74.99 now. The internet's been down since 7am", {
      sentiment: false,
    });
    expect(analysis.tokens).toEqual(
      'hi , i have refunded the £ 74.99 now . the internet has been down since 7am'.split(' '),
    );
    expect(analysis.types.slice(6, 8)).toEqual(['currency', 'number']);
    expect(analysis.types.at(-1)).toBe('time');
    expect(analysis.sentences.map((s) => s.norm)).toEqual([
      'hi , i have refunded the £ 74.99 now .',
      'the internet has been down since 7am',
    ]);
  });

  it("gives each sentence its own tokens joined by spaces, and the turn its sentences' norms", () => {
    const texts = [
      'Really?! Yes... (it is) 1. Open it 2) Close it. Done',
      "ok so i can't log in [noise] um the app's not working uh",
      'mail jo@example.com or see https://example.com/x. It’s 3-5 days… 😀 fine? well-known e.g. this',
      '1. 2. 3.',
      '?',
      '',
    ];
    for (const text of texts) {
      for (const sentiment of [false, true]) {
        const read = analyseText(text, { sentiment });
        for (const s of read.sentences) {
          expect(s.tokens).toEqual(read.tokens.slice(s.first, s.last + 1));
          expect(s.norm).toBe(s.tokens.join(' '));
        }
        expect(read.norm).toBe(read.sentences.map((s) => s.norm).join(' '));
      }
    }
    // A list marker belongs to no sentence, so the turn's norm leaves it out.
    expect(analyseText('1. Open it. 2) Close it', { sentiment: false }).norm).toBe('open it . close it');
    expect(analyseText('Really?! Yes...', { sentiment: false }).sentences.map((s) => s.norm)).toEqual([
      'really ? !',
      'yes ...',
    ]);
  });
});

describe('splitRawSentences', () => {
  // The expression the scan stands for; the random text below spells no abbreviation, so no piece is
  // joined to the next.
  const reference = (text: string): string[] => {
    if (!/[.!?…]\s+\S/.test(text)) return text.trim() === '' ? [] : [text];
    return text.split(/(?<=[.!?…])\s+(?=\S)/).filter((piece) => piece.trim() !== '');
  };

  it('cuts where the expression would, over random text', () => {
    const chars = 'ab .!?…\u00a0\n\t\u2003x';
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 3000; round += 1) {
      let text = '';
      const length = Math.floor(random() * 14);
      for (let i = 0; i < length; i += 1) text += chars[Math.floor(random() * chars.length)];
      expect(splitRawSentences(text)).toEqual(reference(text));
    }
  });

  it('keeps an abbreviation with what follows it', () => {
    expect(splitRawSentences('I spoke to Dr. Smith today. He was fine!  Thanks')).toEqual([
      'I spoke to Dr. Smith today.',
      'He was fine!',
      'Thanks',
    ]);
  });
});
