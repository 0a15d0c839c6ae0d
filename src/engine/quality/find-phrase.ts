import type { Sentence } from './analyse-text.js';
import { findAffirmed } from './phrase-pattern.js';
import type { Phrase } from './phrase-index.js';

export type PhraseHit = { sentence: Sentence; index: number; phrase: string };

// Cheap check first: only sentences containing one of the list's required words reach the regex.
// The sentence's cache belongs to one lexicon's index at a time (a workspace's extra phrases make
// another index with other ids), so it is reset when a phrase of another index asks.
const cacheFor = (phrase: Phrase, sentence: Sentence): Sentence['cache'] => {
  const { cache } = sentence;
  if (cache.index !== phrase.index) {
    cache.index = phrase.index;
    cache.hits = undefined;
    cache.has = undefined;
    cache.affirmed = undefined;
  }
  return cache;
};

// One slot per list of the index, made at full length once: filled in any order, an array grown
// slot by slot would be copied again and again.
const answers = <T>(phrase: Phrase): (T | undefined)[] =>
  new Array<T | undefined>(phrase.index.phrases.length);

export const mayMatch = (phrase: Phrase, sentence: Sentence): boolean => {
  if (phrase.always) return true;
  const cache = cacheFor(phrase, sentence);
  cache.hits ??= phrase.index.triggered(sentence.tokens);
  return cache.hits[phrase.id] === 1;
};

export const hasPhrase = (phrase: Phrase, sentence: Sentence): boolean => {
  const cache = cacheFor(phrase, sentence);
  const known = cache.has?.[phrase.id];
  if (known !== undefined) return known;
  let found = false;
  if (mayMatch(phrase, sentence)) {
    phrase.regex.lastIndex = 0;
    found = phrase.regex.test(sentence.norm);
    phrase.regex.lastIndex = 0;
  }
  (cache.has ??= answers(phrase))[phrase.id] = found;
  return found;
};

// The phrase occurring un-negated in this sentence.
export const findPhrase = (phrase: Phrase, sentence: Sentence): RegExpExecArray | null => {
  const cache = cacheFor(phrase, sentence);
  const known = cache.affirmed?.[phrase.id];
  if (known !== undefined) return known;
  const found = mayMatch(phrase, sentence) ? findAffirmed(phrase.regex, sentence.norm) : null;
  (cache.affirmed ??= answers(phrase))[phrase.id] = found;
  return found;
};

const isPhrase = (value: Phrase | RegExp): value is Phrase => !(value instanceof RegExp);

// The first sentence of a turn where the phrase occurs un-negated.
export const findInSentences = (
  sentences: readonly Sentence[],
  phrase: Phrase | RegExp,
): PhraseHit | null => {
  for (let index = 0; index < sentences.length; index += 1) {
    const sentence = sentences[index]!;
    const match = isPhrase(phrase) ? findPhrase(phrase, sentence) : findAffirmed(phrase, sentence.norm);
    if (match) return { sentence, index, phrase: match[0] };
  }
  return null;
};
