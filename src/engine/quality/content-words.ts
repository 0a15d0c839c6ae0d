import type { Sentence, TextAnalysis } from './analyse-text.js';
import { STOP_WORDS } from './lexicons/stop-words.js';

const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['ies', 'y'],
  ['ing', ''],
  ['ed', ''],
  ['es', ''],
  ['s', ''],
  ['ly', ''],
];

// Crude on purpose: "charged"/"charge"/"charges" must meet, and speed matters more than linguistics.
// Every suffix ends in one of these letters: s, g, d, y.
const endsLikeSuffix = (code: number): boolean =>
  code === 115 || code === 103 || code === 100 || code === 121;

export const stem = (word: string): string => {
  if (word.length <= 4 || !endsLikeSuffix(word.charCodeAt(word.length - 1))) return word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3)
      return word.slice(0, -suffix.length) + replacement;
  }
  return word;
};

const CONTENT_TYPES = new Set(['word', 'number', 'email', 'hashtag', 'url']);

// A sentence's content words, stemmed, worked out once: empathy and listening both ask.
export const sentenceWords = (analysis: TextAnalysis, sentence: Sentence): readonly string[] => {
  if (sentence.cache.contentWords) return sentence.cache.contentWords;
  const words: string[] = [];
  for (let i = sentence.first; i <= sentence.last; i += 1) {
    const token = analysis.tokens[i] ?? '';
    if (!CONTENT_TYPES.has(analysis.types[i] ?? '') || token.length < 3 || STOP_WORDS.has(token)) continue;
    words.push(stem(token));
  }
  sentence.cache.contentWords = words;
  return words;
};

export const contentWords = (analysis: TextAnalysis, sentences?: readonly Sentence[]): Set<string> => {
  if (!sentences) return (analysis.cache.contentWords ??= collect(analysis, analysis.sentences));
  return collect(analysis, sentences);
};

const collect = (analysis: TextAnalysis, sentences: readonly Sentence[]): Set<string> => {
  const words = new Set<string>();
  for (const sentence of sentences) for (const word of sentenceWords(analysis, sentence)) words.add(word);
  return words;
};
