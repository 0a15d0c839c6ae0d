// Phrase lists are matched against a sentence's normalised text (lower-case token normals joined
// by single spaces), so word boundaries are spaces and apostrophes belong to words.
const START = "(?<![a-z0-9'])";
const END = "(?![a-z0-9'])";

export const INTENSIFIER =
  '(?:(?:so|really|very|incredibly|extremely|truly|genuinely|completely|totally|absolutely|terribly|awfully|deeply|quite|super|just) )?';
export const I_AM = "(?:i am|i'm)";
export const WE_ARE = "(?:we are|we're)";
export const NUMBER_WORD =
  '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|several|a few|a couple of|many)';

export const phraseRegex = (sources: readonly string[], flags = ''): RegExp =>
  new RegExp(`${START}(?:${sources.join('|')})${END}`, flags);

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;
export const escapePhrase = (phrase: string): string => phrase.replace(REGEX_SPECIAL, '\\$&');

const HARMLESS_NO = /(?:^|\s)no (?:problem|problems|worries|bother|doubt)(?=\s|$)/g;
const NEGATOR =
  /(?:^|\s)(?:not|never|no|without|hardly|nobody|nothing|neither|nor|cannot)(?:\s+\S+){0,2}\s*$/;

// Negation that sits just before a phrase ("no need to apologise", "not going to fix") cancels it;
// three tokens back is far enough for English auxiliaries without reaching into another clause.
const ANY_NEGATOR = /(?:^|\s)(?:not|never|no|without|hardly|nobody|nothing|neither|nor|cannot)(?=\s|$)/;

export const isNegatedBefore = (norm: string, index: number): boolean => {
  if (index === 0) return false;
  const window = norm.slice(Math.max(0, index - 40), index);
  if (!ANY_NEGATOR.test(window)) return false;
  const before = window.replace(HARMLESS_NO, ' ');
  const clauseStart = Math.max(before.lastIndexOf(' , '), before.lastIndexOf(' but '));
  return NEGATOR.test(clauseStart >= 0 ? before.slice(clauseStart + 3) : before);
};

// First match whose phrase is not negated, so "I can not fix that" never reads as ownership.
export const findAffirmed = (regex: RegExp, norm: string): RegExpExecArray | null => {
  if (!regex.global) {
    const match = regex.exec(norm);
    return match && !isNegatedBefore(norm, match.index) ? match : null;
  }
  regex.lastIndex = 0;
  for (let match = regex.exec(norm); match; match = regex.exec(norm)) {
    if (!isNegatedBefore(norm, match.index)) {
      regex.lastIndex = 0;
      return match;
    }
    if (match[0].length === 0) regex.lastIndex += 1;
  }
  return null;
};
