import type { Sentence } from './analyse-text.js';
import type { Lexicon } from './build-lexicon.js';
import { findPhrase, hasPhrase, mayMatch } from './find-phrase.js';
import type { Slot } from './lexicons/identifier-phrases.js';

export type Ask = { slot: Slot; sentence: Sentence };

// A value inside the question means the agent is reading it back ("so that's account 4471?"),
// which is the behaviour we want, not a request.
const CONTAINS_VALUE = /\d{3,}|@|\bdot com\b/;
const ELLIPTICAL =
  /^(?:(?:and|also|plus|ok|okay|great|thanks|thank you|perfect|lovely|right|so|next) ,? )?(?:your|the|email|e-mail|phone|mobile|account|order|post ?code|zip|date|full|first|last|name|address|reference|booking|dob)(?=\s|$)/;

const slotsIn = (sentence: Sentence, text: string, lexicon: Lexicon): Slot[] => {
  const slots: Slot[] = [];
  let rest = text;
  for (const [slot, phrase] of lexicon.slotNouns) {
    if (!mayMatch(phrase, sentence)) continue;
    const match = phrase.regex.exec(rest);
    if (!match) continue;
    slots.push(slot);
    // Blank the words out so "email address" is not also read as a postal address.
    rest =
      rest.slice(0, match.index) + ' '.repeat(match[0].length) + rest.slice(match.index + match[0].length);
  }
  return slots;
};

// A slot asked twice in one turn is one ask.
const addAsk = (asks: Ask[], slot: Slot, sentence: Sentence): void => {
  if (!asks.some((ask) => ask.slot === slot)) asks.push({ slot, sentence });
};

export const detectAsks = (
  sentences: readonly Sentence[],
  lexicon: Lexicon,
  knownValues: readonly string[] = [],
): Ask[] => {
  const asks: Ask[] = [];
  for (const sentence of sentences) {
    const { norm } = sentence;
    if (hasPhrase(lexicon.notARepeat, sentence)) continue;
    if (findPhrase(lexicon.problemAsk, sentence)) addAsk(asks, 'problem', sentence);
    if (CONTAINS_VALUE.test(norm) || knownValues.some((value) => norm.includes(value))) continue;
    const lead = findPhrase(lexicon.askLead, sentence);
    const elliptical = sentence.question && sentence.words <= 6 && ELLIPTICAL.test(norm);
    if (!lead && !elliptical) continue;
    for (const slot of slotsIn(sentence, lead ? norm.slice(lead.index) : norm, lexicon))
      addAsk(asks, slot, sentence);
  }
  return asks;
};
