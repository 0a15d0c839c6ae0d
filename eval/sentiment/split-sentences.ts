// A fixed third of the sentences is held out: a rule is tuned on the rest and reported on these.
// The split follows the sentence id (a string hash), so it does not move when files are re-read,
// reordered or cut with --limit.
export const SENTENCE_SPLITS = ['tune', 'heldout', 'all'] as const;
export type SentenceSplit = (typeof SENTENCE_SPLITS)[number];

const hash = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
};

export const splitOf = (corpus: string, id: string): 'tune' | 'heldout' =>
  hash(`${corpus}/${id}`) % 3 === 0 ? 'heldout' : 'tune';

export const inSplit = (split: SentenceSplit, corpus: string, id: string): boolean =>
  split === 'all' || splitOf(corpus, id) === split;
