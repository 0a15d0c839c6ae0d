import type { Sentence, TextAnalysis } from './analyse-text.js';
import { isStaff, type Conversation } from './build-conversation.js';
import { contentWords, sentenceWords } from './content-words.js';
import { findPhrase, hasPhrase } from './find-phrase.js';
import type { CriterionOutcome, Evidence } from './quality-result.js';
import { quoteSentence } from './quote-sentence.js';
import type { CustomerFacts } from './read-customer-turns.js';
import type { StaffTurnFacts } from './read-staff-turns.js';

export type EmpathyOutcome = CriterionOutcome & {
  acknowledged: boolean;
  ownership: boolean;
  dismissive: boolean;
};

type Hit = { turn: number; norm: string; specific: boolean };

const UPSET_AT = -0.3;
const clamp = (value: number): number => Math.round(Math.min(100, Math.max(0, value)));

// Points. Calm conversations start lower than a neutral midpoint because empathy is something an
// agent shows, not something assumed; distress unanswered starts lower still.
const BASE_CALM = 40;
const BASE_DISTRESSED = 25;
const ACK = 30;
const ACK_TIMELY = 5;
const APOLOGY_AS_ACK = 15;
const SPECIFIC = 10;
const OWNERSHIP = 15;
const WARMTH = 5;
const DISMISSIVE = 25;
const MISPLACED_APOLOGY = 10;
const VERBATIM = 6;
const UNHELPFUL = 15;
const UNANSWERED_CAP = 45;

// An acknowledgement that picks up the customer's own words (said in any of their turns so far) is
// about them, not a script. Each customer turn's word set is asked in turn rather than gathered
// into one: few sentences are acknowledgements that need the look-up, and every customer turn would
// pay for the gathering.
const isSpecific = (
  analysis: TextAnalysis,
  sentence: Sentence,
  customerTurns: readonly TextAnalysis[],
): boolean =>
  sentenceWords(analysis, sentence).some((word) =>
    customerTurns.some((said) => contentWords(said).has(word)),
  );

const quoteHit = (turns: Conversation['turns'], hit: Hit): string =>
  quoteSentence(turns[hit.turn]!.text, hit.norm);

export const scoreEmpathy = (
  conversation: Conversation,
  customer: CustomerFacts,
  staff: ReadonlyMap<number, StaffTurnFacts>,
  misplacedApologyTurns: ReadonlySet<number>,
): EmpathyOutcome => {
  const { turns, lexicon, transcript } = conversation;
  const firstName = transcript.customer?.name?.trim().split(/\s+/)[0]?.toLowerCase();
  const acks: Hit[] = [];
  const apologies: Hit[] = [];
  const owns: Hit[] = [];
  const dismissals: Hit[] = [];
  let warmth = 0;
  let templates = 0;
  let repeatedVerbatim = 0;
  let usedName = false;
  let timelyAck = false;
  let deflected = false;
  let sinceDistress = -1;
  const seen = new Set<string>();
  // The customer's turns so far.
  const customerTurns: TextAnalysis[] = [];

  // Empathy is expected in proportion to what the customer brought: distress or a problem.
  const needsCare = customer.upset || customer.hasProblem || customer.firstErrorTurn >= 0;
  for (const turn of turns) {
    if (turn.role === 'customer') {
      const fact = customer.byTurn.get(turn.index);
      if (fact && (fact.score <= UPSET_AT || fact.companyError) && sinceDistress < 0) sinceDistress = 0;
      customerTurns.push(turn.analysis);
      continue;
    }
    if (!isStaff(turn.role)) continue;
    if (sinceDistress >= 0) sinceDistress += 1;
    if (firstName && firstName.length > 1 && turn.analysis.tokens.includes(firstName)) usedName = true;
    for (const sentence of turn.analysis.sentences) {
      const { norm } = sentence;
      const repeat = seen.has(norm);
      seen.add(norm);
      if (repeat && sentence.words >= 3) repeatedVerbatim += 1;
      if (findPhrase(lexicon.dismissive, sentence))
        dismissals.push({ turn: turn.index, norm, specific: false });
      if (findPhrase(lexicon.deflection, sentence)) deflected = true;
      // Scripted lines are recognised first so "I understand your frustration" never passes for a
      // real acknowledgement, and a misplaced apology is not sympathy.
      if (hasPhrase(lexicon.template, sentence)) {
        templates += 1;
        continue;
      }
      if (repeat) continue;
      const apologetic =
        findPhrase(lexicon.apology, sentence) !== null && !hasPhrase(lexicon.notAnApology, sentence);
      if (apologetic && misplacedApologyTurns.has(turn.index)) continue;
      if (findPhrase(lexicon.acknowledgement, sentence)) {
        acks.push({ turn: turn.index, norm, specific: isSpecific(turn.analysis, sentence, customerTurns) });
        if (sinceDistress > 0 && sinceDistress <= 2) timelyAck = true;
      } else if (apologetic) {
        apologies.push({
          turn: turn.index,
          norm,
          specific: isSpecific(turn.analysis, sentence, customerTurns),
        });
      }
      // Reporting the task done ("i've ordered your card") is ownership of a problem; for a plain
      // request it is just the task, and says nothing about care.
      const reportsTask = !needsCare && staff.get(turn.index)?.claim?.sentence === sentence;
      if (!reportsTask && findPhrase(lexicon.ownership, sentence))
        owns.push({ turn: turn.index, norm, specific: false });
      if (findPhrase(lexicon.warmth, sentence)) warmth += 1;
    }
  }

  const distressed = customer.upset || customer.firstErrorTurn >= 0;
  const helped = [...staff.values()].some((f) => f.claim || f.teach || f.warmHandover);
  let score = distressed ? BASE_DISTRESSED : BASE_CALM;
  if (acks.length > 0) {
    score += ACK + (timelyAck ? ACK_TIMELY : 0) + Math.min(10, 5 * (acks.length - 1));
    if (acks.some((a) => a.specific)) score += SPECIFIC;
  }
  if (apologies.length > 0) {
    score += acks.length > 0 ? 5 : APOLOGY_AS_ACK;
    if (acks.length === 0 && apologies.some((a) => a.specific)) score += SPECIFIC;
  }
  if (owns.length > 0) score += OWNERSHIP + Math.min(8, 4 * (owns.length - 1));
  score += Math.min(12, WARMTH * warmth) + (usedName ? 4 : 0) + Math.min(4, 2 * templates);
  score -=
    DISMISSIVE * dismissals.length +
    VERBATIM * repeatedVerbatim +
    MISPLACED_APOLOGY * misplacedApologyTurns.size;
  if (deflected && !helped) score -= UNHELPFUL;
  // Distress left unanswered caps the score however polite the rest was.
  const unanswered = distressed && acks.length === 0 && apologies.length === 0;
  if (unanswered) score = Math.min(score, UNANSWERED_CAP);

  const evidence: Evidence[] = [
    ...acks.slice(0, 2).map((h) => ({
      criterion: 'empathy' as const,
      turn: h.turn,
      quote: quoteHit(turns, h),
      why: "Acknowledged the customer's feelings or situation",
    })),
    ...apologies.slice(0, acks.length > 0 ? 0 : 1).map((h) => ({
      criterion: 'empathy' as const,
      turn: h.turn,
      quote: quoteHit(turns, h),
      why: 'Apologised to a customer in difficulty',
    })),
    ...owns.slice(0, 2).map((h) => ({
      criterion: 'empathy' as const,
      turn: h.turn,
      quote: quoteHit(turns, h),
      why: 'Took ownership of the problem',
    })),
    ...dismissals.map((h) => ({
      criterion: 'empathy' as const,
      turn: h.turn,
      quote: quoteHit(turns, h),
      why: 'Dismissive wording',
    })),
  ];
  const reasons: string[] = [];
  if (unanswered) {
    const first = customer.turns.find((f) => f.score <= UPSET_AT || f.companyError);
    reasons.push(
      `Customer ${customer.upset ? 'was upset' : 'reported a company error'}${first ? ` in turn ${first.turn}` : ''} and nobody acknowledged it`,
    );
    if (first)
      evidence.push({
        criterion: 'empathy',
        turn: first.turn,
        quote: quoteSentence(turns[first.turn]!.text),
        why: 'Distress with no acknowledgement',
      });
  }
  if (dismissals.length > 0) reasons.push(`Dismissive wording in turn ${dismissals[0]!.turn}`);
  if (templates >= 2 && acks.length === 0)
    reasons.push('Relied on stock phrases instead of responding to the customer');
  if (repeatedVerbatim >= 2) reasons.push('Repeated the same lines word for word');
  if (deflected && !helped)
    reasons.push('Sympathy without help: the agent deflected and did nothing for the customer');
  return {
    score: clamp(score),
    reasons,
    evidence,
    acknowledged: acks.length > 0,
    ownership: owns.length > 0,
    dismissive: dismissals.length > 0,
  };
};
