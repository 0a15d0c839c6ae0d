import { describe, expect, it } from 'vitest';
import { analyseText } from './analyse-text.js';
import { defaultLexicon, lexiconFor } from './build-lexicon.js';
import { findPhrase, hasPhrase } from './find-phrase.js';

const sentenceOf = (text: string) => analyseText(text, { sentiment: false }).sentences[0]!;

describe('phrase look-ups on a sentence', () => {
  it('answers a repeated question the same way', () => {
    const sentence = sentenceOf("I'm so sorry, I've refunded the charge.");
    const first = findPhrase(defaultLexicon.apology, sentence);
    expect(first?.[0]).toBe('sorry');
    expect(findPhrase(defaultLexicon.apology, sentence)).toBe(first);
    expect(hasPhrase(defaultLexicon.apology, sentence)).toBe(true);
    expect(hasPhrase(defaultLexicon.apology, sentence)).toBe(true);
    expect(hasPhrase(defaultLexicon.redirect, sentence)).toBe(false);
    expect(hasPhrase(defaultLexicon.redirect, sentence)).toBe(false);
  });

  it("does not carry one lexicon's answers over to another", () => {
    const sentence = sentenceOf('Please hold the line while I look.');
    expect(hasPhrase(defaultLexicon.apology, sentence)).toBe(false);
    const workspace = lexiconFor({ apology: ['hold the line'] });
    expect(hasPhrase(workspace.apology, sentence)).toBe(true);
    expect(hasPhrase(defaultLexicon.apology, sentence)).toBe(false);
  });
});
