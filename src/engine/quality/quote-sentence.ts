import { isJsSpace } from './is-js-space.js';

// Where a run of white space cuts the original text into sentences: after a sentence end, or when
// it holds a line break. SPLIT_POINT is the cheap test for whether there is any such cut.
const SPLIT_POINT = /[.!?]\s|\n/;
const MAX_QUOTE = 180;
const MIN_WORD = 3;

const clip = (text: string): string =>
  text.length <= MAX_QUOTE ? text : `${text.slice(0, MAX_QUOTE - 1).trimEnd()}…`;

const PERIOD = 46;
const BANG = 33;
const QUESTION = 63;
const NEWLINE = 10;

const holdsNewline = (text: string, start: number, end: number): boolean => {
  for (let i = start; i < end; i += 1) if (text.charCodeAt(i) === NEWLINE) return true;
  return false;
};

// The pieces the text falls into when cut at every such run of white space (the run itself is
// dropped), found by one walk over the characters: a regular expression with a lookbehind tried at
// every position costs far more than the quote itself.
const splitSentences = (text: string): string[] => {
  const pieces: string[] = [];
  let from = 0;
  let i = 0;
  while (i < text.length) {
    if (!isJsSpace(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < text.length && isJsSpace(text.charCodeAt(i))) i += 1;
    const before = start > 0 ? text.charCodeAt(start - 1) : -1;
    if (before === PERIOD || before === BANG || before === QUESTION || holdsNewline(text, start, i)) {
      pieces.push(text.slice(from, start));
      from = i;
    }
  }
  pieces.push(text.slice(from));
  return pieces;
};

// Word characters as the matchers see them: a-z, 0-9 and the apostrophe.
const isWordChar = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 39;

// Calls visit with every run of at least MIN_WORD word characters in already lower-cased text. The
// walks are written out here rather than taking the test as an argument: a test passed in is a call
// per character that the compiler cannot inline.
const forEachWord = (lower: string, visit: (word: string) => void): void => {
  let i = 0;
  while (i < lower.length) {
    if (!isWordChar(lower.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < lower.length && isWordChar(lower.charCodeAt(i))) i += 1;
    if (i - start >= MIN_WORD) visit(lower.slice(start, i));
  }
};

// How many of the candidate's words (counted each time they occur) the sentence wanted.
const sharedWords = (candidate: string, wanted: ReadonlySet<string>): number => {
  let score = 0;
  forEachWord(candidate.toLowerCase(), (word) => {
    if (wanted.has(word)) score += 1;
  });
  return score;
};

// Evidence should show the customer's or agent's own words, not the normalised form the matchers
// see, so the original sentence with the most words in common is picked.
export const quoteSentence = (text: string, norm?: string): string => {
  const trimmed = text.trim();
  if (!norm) return clip(trimmed);
  // Without a sentence end followed by space, or a line break, the split finds nothing to split at.
  if (!SPLIT_POINT.test(trimmed)) return clip(trimmed);
  const candidates = splitSentences(trimmed);
  // One sentence is the quote whatever words it shares.
  if (candidates.length === 1) return clip(candidates[0]!.trim());
  const wanted = new Set<string>();
  forEachWord(norm, (word) => wanted.add(word));
  let best = trimmed;
  let bestScore = -1;
  for (const candidate of candidates) {
    const score = sharedWords(candidate, wanted);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return clip(best.trim());
};
