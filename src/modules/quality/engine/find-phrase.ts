import type { Sentence } from './analyse-text.js';
import { findAffirmed } from './phrase-pattern.js';

export type PhraseHit = { sentence: Sentence; index: number; phrase: string };

// The first sentence of a turn where the phrase occurs un-negated.
export const findInSentences = (sentences: readonly Sentence[], regex: RegExp): PhraseHit | null => {
  for (let index = 0; index < sentences.length; index += 1) {
    const sentence = sentences[index]!;
    const match = findAffirmed(regex, sentence.norm);
    if (match) return { sentence, index, phrase: match[0] };
  }
  return null;
};

export const countInSentences = (sentences: readonly Sentence[], regex: RegExp): number => {
  let count = 0;
  for (const sentence of sentences) if (findAffirmed(regex, sentence.norm)) count += 1;
  return count;
};
