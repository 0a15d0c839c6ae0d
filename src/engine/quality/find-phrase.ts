import type { Sentence } from './analyse-text.js';
import { findAffirmed, isNegatedBefore } from './phrase-pattern.js';
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

// A sentence's hits hold one byte per list of the index: MAY where the list's words are there
// (phrase-index.ts sets it, 1), and then what hasPhrase and findPhrase found. Keeping the answers in
// these bits spares every sentence two arrays of answers as long as the index; only a phrase found
// un-negated, which few sentences have, needs a slot in `affirmed` for its match.
const MAY = 1;
const HAS = 2;
const HAS_NOT = 4;
const AFFIRMED = 8;
const AFFIRMED_NOT = 16;

const hitsOf = (phrase: Phrase, sentence: Sentence): Uint8Array => {
  const cache = cacheFor(phrase, sentence);
  return (cache.hits ??= phrase.index.triggered(sentence.tokens));
};

const UPPER_OR_UNDERSCORE = /[A-Z_]/;
const APOSTROPHE = 39;

// Whether the lists' fast twins read this sentence as the lists do (phrase-index.ts, fastTwin):
// norms are lower-case, and an underscore is rare, so this is nearly always so.
const twinsRead = (sentence: Sentence): boolean =>
  (sentence.cache.twinsRead ??= !UPPER_OR_UNDERSCORE.test(sentence.norm));

// The list's first match at or after `from`, the one its own expression finds.
const matchFrom = (phrase: Phrase, sentence: Sentence, from: number): RegExpExecArray | null => {
  const { regex, fast } = phrase;
  const { norm } = sentence;
  if (fast !== null && twinsRead(sentence)) {
    fast.lastIndex = from;
    const match = fast.exec(norm);
    fast.lastIndex = 0;
    // \b also holds right after an apostrophe, where the list's own boundary does not: that rare
    // case is left to the list's own expression.
    if (match === null || match.index === 0 || norm.charCodeAt(match.index - 1) !== APOSTROPHE) return match;
  }
  regex.lastIndex = from;
  const match = regex.exec(norm);
  regex.lastIndex = 0;
  return match;
};

// The first match not negated (see findAffirmed, which this follows for a list's sentence).
const firstAffirmed = (phrase: Phrase, sentence: Sentence): RegExpExecArray | null => {
  const { norm } = sentence;
  let match = matchFrom(phrase, sentence, 0);
  while (match !== null) {
    if (!isNegatedBefore(norm, match.index)) return match;
    if (!phrase.regex.global) return null;
    match = matchFrom(phrase, sentence, match.index + (match[0].length || 1));
  }
  return null;
};

const mayMatchIn = (phrase: Phrase, state: number): boolean => phrase.always || (state & MAY) !== 0;

export const mayMatch = (phrase: Phrase, sentence: Sentence): boolean =>
  phrase.always || (hitsOf(phrase, sentence)[phrase.id]! & MAY) !== 0;

export const hasPhrase = (phrase: Phrase, sentence: Sentence): boolean => {
  const hits = hitsOf(phrase, sentence);
  const state = hits[phrase.id]!;
  if ((state & HAS) !== 0) return true;
  if ((state & HAS_NOT) !== 0 || !mayMatchIn(phrase, state)) return false;
  const found = matchFrom(phrase, sentence, 0) !== null;
  hits[phrase.id] = state | (found ? HAS : HAS_NOT);
  return found;
};

// The phrase occurring un-negated in this sentence.
export const findPhrase = (phrase: Phrase, sentence: Sentence): RegExpExecArray | null => {
  const hits = hitsOf(phrase, sentence);
  const state = hits[phrase.id]!;
  if ((state & AFFIRMED_NOT) !== 0) return null;
  if ((state & AFFIRMED) !== 0) return sentence.cache.affirmed![phrase.id] ?? null;
  const found = mayMatchIn(phrase, state) ? firstAffirmed(phrase, sentence) : null;
  if (found === null) hits[phrase.id] = state | AFFIRMED_NOT;
  else {
    (sentence.cache.affirmed ??= answers(phrase))[phrase.id] = found;
    hits[phrase.id] = state | AFFIRMED;
  }
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
