// Sentence ends followed by space, and line breaks with the space around them: where the original
// text is cut into sentences to quote from.
const RAW_SENTENCE_SPLIT = /(?<=[.!?])\s+|\s*\n+\s*/g;
const SPLIT_POINT = /[.!?]\s|\n/;
const WORD = /[a-z0-9']{3,}/g;
const MAX_QUOTE = 180;

const clip = (text: string): string =>
  text.length <= MAX_QUOTE ? text : `${text.slice(0, MAX_QUOTE - 1).trimEnd()}…`;

// The same pieces String.prototype.split would give (no match of the pattern is empty), found in
// one scan: split tries the lookbehind at every position, which costs more than the quote itself.
const splitSentences = (text: string): string[] => {
  const pieces: string[] = [];
  let start = 0;
  RAW_SENTENCE_SPLIT.lastIndex = 0;
  for (let match = RAW_SENTENCE_SPLIT.exec(text); match; match = RAW_SENTENCE_SPLIT.exec(text)) {
    pieces.push(text.slice(start, match.index));
    start = match.index + match[0].length;
  }
  pieces.push(text.slice(start));
  return pieces;
};

// How many of the candidate's words (counted each time they occur) the sentence wanted.
const sharedWords = (candidate: string, wanted: ReadonlySet<string>): number => {
  const lower = candidate.toLowerCase();
  let score = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(lower); match; match = WORD.exec(lower)) if (wanted.has(match[0])) score += 1;
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
  const wanted = new Set(norm.match(WORD) ?? []);
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
