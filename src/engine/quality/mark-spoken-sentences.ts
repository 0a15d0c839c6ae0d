// Transcribed speech has no punctuation, and a merged turn can hold a greeting, an answer and a
// question in one run: "your balance is sixty dollars is there anything else i can help you with".
// Read as one sentence, the question is missed, negation spills over, and the mood of the closing
// thanks is mixed with the request. Without punctuation there is no way to know every boundary, but a
// few openings almost always start a new sentence in service calls; a full stop is put before them.
const OPENINGS = [
  'is there anything',
  'is there something',
  'anything else',
  'how (?:can|may) i help',
  'what (?:is|was|are) (?:the|your)',
  'what(?: i|\\x27)s (?:the|your)',
  'which (?:account|card|one|day|date|branch)',
  '(?:can|could|will) you',
  'do you (?:have|want|need)',
  'thank you',
  'thanks',
  'have a (?:great|good|nice|lovely|wonderful) (?:day|one|evening|afternoon|weekend)',
  'my name is',
  'i (?:would|\\x27d) like',
  'i need',
  'i want to',
  'i was wondering',
  'i am calling',
  'i(?:\\x27m| am) calling',
  'i(?:\\x27ve| have) (?:ordered|sent|submitted|cancelled|canceled|updated|transferred|booked|scheduled|reset|processed|made|set|changed|added|refunded|blocked)',
  'let me',
  'you too',
  'bye',
].join('|');

const OPENING = new RegExp(`\\s(?=((?:and |so |okay |ok |alright )?(?:${OPENINGS}))(?![\\w\\x27]))`, 'gi');
const HAS_PUNCTUATION = /[.!?…;]/;
const WORD = /[\w\x27]+/g;
// An opening straight after a short answer belongs with it: "no thank you" is one answer.
const MIN_WORDS_BEFORE = 2;
const ANSWER_WORDS = new Set([
  'no',
  'nope',
  'yes',
  'yeah',
  'yep',
  'oh',
  'okay',
  'ok',
  'alright',
  'well',
  'great',
  'perfect',
  'sure',
  'right',
  'fine',
  'cool',
  'lovely',
  'wonderful',
]);

const isSentence = (before: string): boolean => {
  const words = before.toLowerCase().match(WORD) ?? [];
  return words.length >= MIN_WORDS_BEFORE && !words.every((w) => ANSWER_WORDS.has(w));
};

export const markSpokenSentences = (text: string): string => {
  if (HAS_PUNCTUATION.test(text)) return text;
  // A leading space lets an opening at the very start cover the words it spans.
  const spaced = ` ${text}`;
  let out = '';
  let from = 1;
  // "is there anything else" also contains "anything else"; one boundary is enough.
  let coveredUntil = 0;
  OPENING.lastIndex = 0;
  for (let match = OPENING.exec(spaced); match; match = OPENING.exec(spaced)) {
    if (match.index < coveredUntil) continue;
    coveredUntil = match.index + 1 + (match[1]?.length ?? 0);
    const before = spaced.slice(from, match.index);
    if (!isSentence(before)) continue;
    out += `${before}.`;
    from = match.index;
  }
  return out + spaced.slice(from);
};
