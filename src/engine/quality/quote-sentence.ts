const RAW_SENTENCE_SPLIT = /(?<=[.!?])\s+|\s*\n+\s*/;
const SPLIT_POINT = /[.!?]\s|\n/;
const WORD = /[a-z0-9']{3,}/g;
const MAX_QUOTE = 180;

const clip = (text: string): string =>
  text.length <= MAX_QUOTE ? text : `${text.slice(0, MAX_QUOTE - 1).trimEnd()}…`;

// Evidence should show the customer's or agent's own words, not the normalised form the matchers
// see, so the original sentence with the most words in common is picked.
export const quoteSentence = (text: string, norm?: string): string => {
  const trimmed = text.trim();
  if (!norm) return clip(trimmed);
  // Without a sentence end followed by space, or a line break, the split finds nothing to split at.
  if (!SPLIT_POINT.test(trimmed)) return clip(trimmed);
  const candidates = trimmed.split(RAW_SENTENCE_SPLIT);
  // One sentence is the quote whatever words it shares.
  if (candidates.length === 1) return clip(candidates[0]!.trim());
  const wanted = new Set(norm.match(WORD) ?? []);
  let best = trimmed;
  let bestScore = -1;
  for (const candidate of candidates) {
    let score = 0;
    for (const word of candidate.toLowerCase().match(WORD) ?? []) if (wanted.has(word)) score += 1;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return clip(best.trim());
};
