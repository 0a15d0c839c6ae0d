// A lexicon that sums word scores reads "good", "very good" and "slightly good" alike, and reads a
// question ("is it any good?") as if it asserted what it asks. Degree words scale the sentence, and
// a question counts for less than a statement: it asks rather than says how the customer feels.
const BOOSTER =
  /(?:^|\s)(?:very|really|extremely|incredibly|so|absolutely|totally|completely|utterly|truly|hugely|remarkably|exceptionally|thoroughly|deeply|seriously|super|insanely|unbelievably|most)(?=\s|$)/;
const DAMPENER =
  /(?:^|\s)(?:slightly|somewhat|kind of|sort of|kinda|sorta|a bit|a little|fairly|rather|marginally|partly|mildly|barely|hardly|almost|pretty much|quite)(?=\s|$)/;
const BOOST = 1.25;
const DAMPEN = 0.6;
const QUESTION = 0.6;

export const degreeFactor = (norm: string, question: boolean): number => {
  let factor = 1;
  if (BOOSTER.test(norm)) factor *= BOOST;
  if (DAMPENER.test(norm)) factor *= DAMPEN;
  if (question) factor *= QUESTION;
  return factor;
};
