import type { Sentence, TextAnalysis } from './analyse-text.js';
import type { Lexicon } from './build-lexicon.js';
import { findPhrase, hasPhrase } from './find-phrase.js';
import { degreeFactor } from './weigh-degree.js';
import {
  BARE_ACKNOWLEDGEMENT,
  SARCASM_LEAD_IN,
  SARCASM_OPENER,
  SARCASM_SOUR,
} from './lexicons/sentiment-phrases.js';

// Negative words that, once negated, make only a mild compliment: "not bad" is not "good".
const NEGATIVE_WORDS = new Set([
  'bad',
  'terrible',
  'awful',
  'wrong',
  'worried',
  'problem',
  'issue',
  'complaint',
  'difficult',
  'hard',
  'horrible',
  'worst',
  'poor',
  'sad',
  'unhappy',
  'disappointed',
  'annoyed',
  'angry',
  'upset',
  'broken',
  'hate',
  'fail',
  'failed',
]);
const THANKS_FOR_NOTHING = /(?:^|\s)(?:thanks|thank you|cheers) (?:a lot |very much )?for nothing(?=\s|$)/;
const SHOUTING = /\b[A-Z]{3,}\b/g;
const EXCLAMATION = /!/g;
const CURVE = 1.5;
const CLOSING_SCORE = 0.3;
const STATED_REASON_LIMIT = 0.15;
const CURVE_NORM = Math.tanh(CURVE);

const clamp = (value: number, low = -1, high = 1): number => Math.min(high, Math.max(low, value));

export type SentenceFeeling = { score: number; sarcastic: boolean };

export const isSarcastic = (norm: string): boolean => {
  // The pattern spells "for nothing" out, so a sentence without it is not tried.
  if (norm.includes('for nothing') && THANKS_FOR_NOTHING.test(norm)) return true;
  const opener = SARCASM_OPENER.exec(norm);
  if (!opener || !SARCASM_LEAD_IN.test(norm.slice(0, opener.index).trim())) return false;
  const rest = norm.slice(opener.index + opener[0].length);
  // The interjection stands apart ("great, another hour") or runs straight into the complaint
  // ("oh great another outage"); followed by anything else it is describing something.
  if (/^\s*[,.!?;:…-]/.test(rest)) return SARCASM_SOUR.test(rest);
  return SARCASM_SOUR.exec(rest)?.index === 0;
};

// Several support phrases in one sentence add up with diminishing returns, the way a second
// complaint in the same breath adds less than the first.
const phraseWeight = (sentence: Sentence, lexicon: Lexicon): number => {
  let negative = 0;
  let positive = 0;
  for (const [weight, phrase] of lexicon.sentimentGroups) {
    // Found un-negated: "not sorted" must not read as "sorted", nor "I'm not worried" as worry.
    if (!findPhrase(phrase, sentence)) continue;
    if (weight < 0) negative = 1 - (1 - negative) * (1 + weight);
    else positive = 1 - (1 - positive) * (1 - weight);
  }
  return positive - negative;
};

const negatedNegative = (sentence: Sentence, tokens: readonly string[]): boolean =>
  sentence.negated.some((i) => NEGATIVE_WORDS.has(tokens[i] ?? ''));

export const scoreSentence = (
  sentence: Sentence,
  tokens: readonly string[],
  lexicon: Lexicon,
  soreContext: boolean,
): SentenceFeeling => {
  const { norm } = sentence;
  if (isSarcastic(norm) || (soreContext && sentence.words <= 4 && SARCASM_OPENER.test(norm))) {
    return { score: Math.min(-0.5, -Math.abs(sentence.sentiment)), sarcastic: true };
  }
  if (BARE_ACKNOWLEDGEMENT.test(norm)) return { score: 0.1, sarcastic: false };
  let score = clamp(sentence.sentiment * degreeFactor(norm, sentence.question));
  if (score > 0 && negatedNegative(sentence, tokens)) score *= 0.5;
  const phrases = phraseWeight(sentence, lexicon);
  if (phrases !== 0) score = clamp(phrases + 0.3 * score);
  else if (hasPhrase(lexicon.neutral, sentence)) score *= 0.3;
  // "No, that's all, thank you" answers "anything else?": the "no" is not a complaint.
  if (hasPhrase(lexicon.closingSatisfied, sentence) && !hasPhrase(lexicon.disconfirm, sentence)) {
    return { score: Math.max(score, CLOSING_SCORE), sarcastic: false };
  }
  // The reason for the call, stated without feeling, is a fact: at most a faint lean either way.
  if (hasPhrase(lexicon.statedReason, sentence) && !hasPhrase(lexicon.feeling, sentence)) {
    score = clamp(score * 0.3, -STATED_REASON_LIMIT, STATED_REASON_LIMIT);
  }
  return { score, sarcastic: false };
};

// Exclamation marks and shouting strengthen whatever the words already say.
const intensity = (text: string): number => {
  const bangs = text.includes('!') ? Math.min(3, text.match(EXCLAMATION)?.length ?? 0) : 0;
  const shouted = (text.match(SHOUTING)?.length ?? 0) >= 2 ? 0.15 : 0;
  return 1 + 0.08 * bangs + shouted;
};

export type TurnFeeling = { score: number; sarcastic: boolean; sentences: readonly SentenceFeeling[] };

// Sentences carrying feeling dominate the turn: a complaint followed by an order number should not
// be diluted to neutral by the order number.
export const scoreCustomerText = (
  text: string,
  analysis: TextAnalysis,
  lexicon: Lexicon,
  soreContext = false,
): TurnFeeling => {
  let weighted = 0;
  let weights = 0;
  let sarcastic = false;
  const sentences: SentenceFeeling[] = [];
  const turnIsSore = soreContext || analysis.sentences.some((s) => hasPhrase(lexicon.disconfirm, s));
  for (const sentence of analysis.sentences) {
    const feeling = scoreSentence(sentence, analysis.tokens, lexicon, turnIsSore);
    sentences.push(feeling);
    sarcastic ||= feeling.sarcastic;
    const weight = Math.abs(feeling.score) >= 0.05 ? 1 : 0.2;
    weighted += feeling.score * weight;
    weights += weight;
  }
  if (weights === 0) return { score: 0, sarcastic, sentences };
  const raw = clamp((weighted / weights) * intensity(text));
  const score = Math.round((Math.tanh(CURVE * raw) / CURVE_NORM) * 1000) / 1000;
  return { score: clamp(score), sarcastic, sentences };
};
