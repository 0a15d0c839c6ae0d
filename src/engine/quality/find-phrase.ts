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
    cache.affirmed = undefined;
  }
  return cache;
};

// One slot per list of the index, made at full length once: filled in any order, an array grown
// slot by slot would be copied again and again.
const answers = <T>(phrase: Phrase): (T | undefined)[] =>
  new Array<T | undefined>(phrase.index.phrases.length);

// A sentence's hits, one byte per list of the index: 0 where the list cannot match (its words are
// missing), 1 where it may (phrase-index.ts), and, once hasPhrase has run its expression, the answer.
// Keeping the answer in the same bytes spares every sentence an array of answers as long as the index.
const CANNOT = 0;
const FOUND = 2;
const NOT_FOUND = 3;

const hitsOf = (phrase: Phrase, sentence: Sentence): Uint8Array => {
  const cache = cacheFor(phrase, sentence);
  return (cache.hits ??= phrase.index.triggered(sentence.tokens));
};

export const mayMatch = (phrase: Phrase, sentence: Sentence): boolean =>
  phrase.always || hitsOf(phrase, sentence)[phrase.id] !== CANNOT;

export const hasPhrase = (phrase: Phrase, sentence: Sentence): boolean => {
  const hits = hitsOf(phrase, sentence);
  const known = hits[phrase.id];
  if (known === FOUND) return true;
  if (known === NOT_FOUND) return false;
  // A list whose words are missing stays CANNOT, which already answers.
  if (known === CANNOT && !phrase.always) return false;
  phrase.regex.lastIndex = 0;
  const found = phrase.regex.test(sentence.norm);
  phrase.regex.lastIndex = 0;
  hits[phrase.id] = found ? FOUND : NOT_FOUND;
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
