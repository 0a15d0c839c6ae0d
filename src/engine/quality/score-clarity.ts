import { isStaff, type Conversation } from './build-conversation.js';
import type { CriterionOutcome, Evidence } from './quality-result.js';
import { hasPhrase, mayMatch } from './find-phrase.js';
import { quoteSentence } from './quote-sentence.js';

export type ClarityOutcome = CriterionOutcome & { nextStep: boolean };

const LONG_SENTENCE = 30;
const VERY_LONG_SENTENCE = 45;
const WALL_WORDS = 25;
const WALL_DENSITY = 0.08;
// Acronyms and internal codes: upper-case runs and tokens that mix letters with digits or underscores.
const CODE_TOKEN = /\b(?:[A-Z]{2,6}\d*|[A-Za-z]+_[A-Za-z0-9_]+|[A-Z]{1,4}-?\d{2,}[A-Z0-9-]*)\b/g;
const EVERYDAY_CAPS = new Set([
  'OK',
  'TV',
  'PIN',
  'ID',
  'UK',
  'US',
  'USA',
  'EU',
  'FAQ',
  'PDF',
  'SMS',
  'ATM',
  'DVD',
  'PC',
  'AM',
  'PM',
  'VAT',
  'GB',
  'MB',
  'USB',
  'HDMI',
  'WIFI',
  'ASAP',
  'NHS',
  'BBC',
  'I',
  'A',
  'ETA',
  'PS',
  'CEO',
  'IT',
  'UPS',
  'DHL',
  'GPS',
  'HD',
  'VIP',
  'ISP',
]);
// Every code the pattern counts has two capitals in a row, a capital before a digit or a dash, or an
// underscore: most replies have none of these, and this test is cheaper than the pattern.
const MAY_HAVE_CODE = /[A-Z][A-Z\d-]|_/;
const NUMBERED_STEP = /(?:^|\n)\s*(?:\d{1,2}[.)]|step \d|[-*•])\s+\S/gi;

const clamp = (value: number): number => Math.round(Math.min(100, Math.max(0, value)));

// An exec loop rather than matchAll, which builds a fresh copy of the expression on every call.
const countCodes = (text: string): number => {
  if (!MAY_HAVE_CODE.test(text)) return 0;
  let count = 0;
  CODE_TOKEN.lastIndex = 0;
  for (let match = CODE_TOKEN.exec(text); match; match = CODE_TOKEN.exec(text))
    if (!EVERYDAY_CAPS.has(match[0])) count += 1;
  return count;
};

const countJargon = (norm: string, regex: RegExp): number => {
  regex.lastIndex = 0;
  let count = 0;
  while (regex.exec(norm)) count += 1;
  regex.lastIndex = 0;
  return count;
};

export const scoreClarity = (conversation: Conversation): ClarityOutcome => {
  const { turns, lexicon } = conversation;
  const agentTurns = turns.filter((t) => isStaff(t.role) && t.analysis.wordCount > 0);
  if (agentTurns.length === 0) return { score: 100, reasons: [], evidence: [], nextStep: false };
  let penalty = 0;
  let nextSteps = 0;
  let longSentences = 0;
  let walls = 0;
  let vague = 0;
  const evidence: Evidence[] = [];
  for (const turn of agentTurns) {
    const { sentences, wordCount } = turn.analysis;
    let jargonTerms = 0;
    for (const sentence of sentences) {
      if (sentence.words > VERY_LONG_SENTENCE) {
        penalty += 12;
        longSentences += 1;
      } else if (sentence.words > LONG_SENTENCE) {
        penalty += 6;
        longSentences += 1;
      }
      if (hasPhrase(lexicon.nextStep, sentence)) nextSteps += 1;
      if (hasPhrase(lexicon.vague, sentence)) vague += 1;
      if (mayMatch(lexicon.jargon, sentence)) jargonTerms += countJargon(sentence.norm, lexicon.jargon.regex);
    }
    // Only the first step can sit at the start rather than after a line break.
    if (turn.text.includes('\n') && (turn.text.match(NUMBERED_STEP)?.length ?? 0) >= 2) nextSteps += 1;
    const jargon = jargonTerms + countCodes(turn.text);
    if (wordCount >= WALL_WORDS && (jargon / wordCount >= WALL_DENSITY || jargon >= 5)) {
      walls += 1;
      penalty += 20;
      evidence.push({
        criterion: 'clarity',
        turn: turn.index,
        quote: quoteSentence(turn.text),
        why: `Jargon-heavy reply (${jargon} technical terms in ${wordCount} words)`,
      });
    } else if (jargon >= 2) {
      penalty += 4;
    }
  }
  const bonus = nextSteps > 0 ? 15 + Math.min(5, 2 * (nextSteps - 1)) : 0;
  const score = clamp(82 + bonus - penalty - 6 * vague);
  const reasons: string[] = [];
  if (walls > 0) reasons.push(`${walls} agent repl${walls > 1 ? 'ies were' : 'y was'} a wall of jargon`);
  if (longSentences >= 2) reasons.push(`${longSentences} very long sentences`);
  if (vague > 0) reasons.push('Vague promises without a time or next step');
  const stepTurn = agentTurns.find((t) => t.analysis.sentences.some((s) => hasPhrase(lexicon.nextStep, s)));
  if (stepTurn) {
    const sentence = stepTurn.analysis.sentences.find((s) => hasPhrase(lexicon.nextStep, s));
    evidence.push({
      criterion: 'clarity',
      turn: stepTurn.index,
      quote: quoteSentence(stepTurn.text, sentence?.norm),
      why: 'Concrete next step',
    });
  }
  return { score, reasons, evidence, nextStep: nextSteps > 0 };
};
