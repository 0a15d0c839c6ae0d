import { describe, expect, it } from 'vitest';
import { analyseText } from './analyse-text.js';

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
});
