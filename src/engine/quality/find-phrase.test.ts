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

  it('finds through a fast twin what the list itself finds, and nothing it refuses', () => {
    const workspace = lexiconFor({ apology: ['really sorry', 'sorry'] });
    expect(workspace.apology.fast).not.toBeNull();
    // \b holds after the apostrophe of "o'really", the list's own boundary does not.
    const sentence = sentenceOf("O'really sorry.");
    expect(sentence.norm).toBe("o'really sorry .");
    expect(findPhrase(workspace.apology, sentence)?.[0]).toBe('sorry');
    expect(workspace.apology.fast!.exec(sentence.norm)?.[0]).toBe('really sorry');
    expect(findPhrase(workspace.apology, sentenceOf('It is really sorry.'))?.[0]).toBe('really sorry');
    // An underscore is a word character to \b but not to the list: the list is asked itself.
    const underscored = sentenceOf('see file_sorry for details');
    expect(hasPhrase(workspace.apology, underscored)).toBe(workspace.apology.regex.test(underscored.norm));
  });
});
