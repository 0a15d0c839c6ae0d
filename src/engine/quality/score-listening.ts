import type { Sentence } from './analyse-text.js';
import { isStaff, type AnalysedTurn, type Conversation } from './build-conversation.js';
import { contentWords } from './content-words.js';
import { findPhrase, hasPhrase } from './find-phrase.js';
import type { CriterionOutcome, Evidence } from './quality-result.js';
import { quoteSentence } from './quote-sentence.js';
import type { CustomerFacts, CustomerTurnFacts } from './read-customer-turns.js';
import type { StaffTurnFacts } from './read-staff-turns.js';

export type Exchange = {
  customerTurns: number[];
  replyTurns: number[];
  addressed: boolean;
  why: string;
};

export type ListeningOutcome = CriterionOutcome & { exchanges: Exchange[] };

const TIME_ANSWER =
  /(?:^|\s)(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weeks|days|hours|minutes|within|by|until|next|morning|afternoon|evening|\d{1,2}(?::\d{2})? ?(?:am|pm)|\d{1,2}(?:st|nd|rd|th))(?=\s|$)/;
const AMOUNT_ANSWER =
  /(?:[£$€]|\d+(?:\.\d{2})?|(?:^|\s)(?:free|no charge|pounds|dollars|euros|per month|a month))/;
const WHY_ANSWER =
  /(?:^|\s)(?:because|due to|the reason|caused by|was caused|this happened|that happened|since|as a result)(?=\s|$)/;
const YES_NO_ANSWER =
  /(?:^|\s)(?:yes|no|yeah|yep|nope|sure|absolutely|of course|certainly|unfortunately|i am afraid|i'm afraid|you can|you can not|we can|we can not|i can|i can not|it is|it is not|it does|it does not|we do|we do not|you will|you do not need|there is|there are|there is not)(?=\s|$)/;
const HOW_ANSWER =
  /(?:^|\s)(?:go to|click|tap|select|open|press|choose|enter|head to|navigate|log in|sign in|follow|you can|here is how|here's how|step)(?=\s|$)/;

const QUESTION_KIND: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/(?:^|\s)(?:when|how long|what time|what date|by when)(?=\s|$)/, TIME_ANSWER],
  [/(?:^|\s)(?:how much|cost|price|fee|charge for|pay for)(?=\s|$)/, AMOUNT_ANSWER],
  [/(?:^|\s)(?:why)(?=\s|$)/, WHY_ANSWER],
  [/(?:^|\s)how (?:do|can|would|should|to)(?=\s|$)/, HOW_ANSWER],
  [/^(?:can|could|will|would|is|are|do|does|did|have|has|should|may)(?=\s|$)/, YES_NO_ANSWER],
];

const needsAnswer = (fact: CustomerTurnFacts | undefined): boolean =>
  Boolean(fact && (fact.question || fact.request || fact.problem || fact.companyError || fact.disconfirm));

const ACTION_REQUEST =
  /^(?:(?:so|and|ok|okay|please|well|hi|hello|yes|yeah) )*(?:can|could|would|will) you (?!tell|explain)/;
const OPEN_QUESTION = /(?:^|\s)(?:why|when|how long|how much|what time|how come)(?=\s|$)/;
const CLOSER = /(?:^|\s)(?:anything else|something else|any other)(?=\s|$)/;
const OPENING_WORDS = 4;

// The sentence up to its OPENING_WORDS-th space: its opening words, without splitting and rejoining.
const opening = (sentence: string): string => {
  let end = -1;
  for (let word = 0; word < OPENING_WORDS; word += 1) {
    end = sentence.indexOf(' ', end + 1);
    if (end < 0) return sentence;
  }
  return sentence.slice(0, end);
};

const answerFits = (questions: readonly string[], sentences: readonly string[]): boolean =>
  questions.some((q) =>
    QUESTION_KIND.some(([kind, answer]) => {
      if (!kind.test(q)) return false;
      // A yes/no question is answered by a reply that opens with the answer, not one that mentions
      // "you can" somewhere in passing.
      if (answer === YES_NO_ANSWER) return sentences.some((s) => answer.test(opening(s)));
      return sentences.some((s) => answer.test(s));
    }),
  );

// One word in common is enough: each customer turn's own set is asked, without gathering them.
const sharesWord = (replied: ReadonlySet<string>, customerTurns: readonly AnalysedTurn[]): boolean => {
  for (const word of replied)
    if (customerTurns.some((turn) => contentWords(turn.analysis).has(word))) return true;
  return false;
};

const judge = (
  conversation: Conversation,
  customerTurns: readonly AnalysedTurn[],
  replies: readonly AnalysedTurn[],
  staff: ReadonlyMap<number, StaffTurnFacts>,
  customer: CustomerFacts,
  saidBefore: ReadonlySet<string>,
): { addressed: boolean; why: string } => {
  if (replies.length === 0) return { addressed: false, why: 'No reply before the conversation ended' };
  const { lexicon } = conversation;
  const facts = replies.map((t) => staff.get(t.index));
  const helped = facts.some((f) => f && (f.claim || f.teach || f.warmHandover));
  const deflected = replies.some((t) => t.analysis.sentences.some((s) => findPhrase(lexicon.deflection, s)));
  const redirected = facts.some((f) => f?.redirect);
  if ((deflected || redirected) && !helped)
    return { addressed: false, why: 'Deflected instead of answering' };
  // Only what is new and unscripted can answer: a stock line or the previous answer read out again
  // is the sound of not listening.
  // Gathered by plain loops: flatMap's generic path costs more than the sentences it gathers.
  const fresh: Sentence[] = [];
  for (const reply of replies)
    for (const s of reply.analysis.sentences)
      if (!saidBefore.has(s.norm) && !hasPhrase(lexicon.template, s) && !CLOSER.test(s.norm)) fresh.push(s);
  if (fresh.length === 0) return { addressed: false, why: 'Repeated earlier lines instead of answering' };
  const questions: string[] = [];
  for (const turn of customerTurns)
    for (const s of turn.analysis.sentences) if (s.question) questions.push(s.norm);
  // Doing something answers a request; it does not answer "why" or "when".
  const wantsExplanation = questions.some((q) => OPEN_QUESTION.test(q));
  if (!wantsExplanation && (helped || fresh.some((s) => hasPhrase(lexicon.nextStep, s)))) {
    return { addressed: true, why: 'Acted on the request' };
  }
  // A request ("i'd like to pay a bill", "can you send me a new one") is taken up by asking what is
  // needed to carry it out.
  const requestOnly =
    questions.length === 0
      ? customerTurns.some((t) => customer.byTurn.get(t.index)?.request)
      : questions.every((q) => ACTION_REQUEST.test(q));
  if (requestOnly && fresh.some((s) => s.question)) {
    return { addressed: true, why: 'Asked what it needs to act on the request' };
  }
  if (
    answerFits(
      questions,
      fresh.map((s) => s.norm),
    )
  )
    return { addressed: true, why: 'Answered the question' };
  const replied = new Set<string>();
  for (const turn of replies) {
    const own = turn.analysis.sentences.filter((s) => fresh.includes(s));
    for (const word of contentWords(turn.analysis, own)) replied.add(word);
  }
  if (replied.size >= 3 && sharesWord(replied, customerTurns))
    return { addressed: true, why: 'Engaged with what the customer said' };
  return { addressed: false, why: 'Reply did not engage with what the customer asked' };
};

type Exchanges = {
  conversation: Conversation;
  customer: CustomerFacts;
  staff: ReadonlyMap<number, StaffTurnFacts>;
  // Every staff sentence so far, so a line read out again is known for one.
  saidBefore: Set<string>;
  judged: Exchange[];
};

// The customer turns of a group that needed an answer, judged against the staff replies that
// followed them.
const closeExchange = (
  exchanges: Exchanges,
  group: readonly AnalysedTurn[],
  replies: AnalysedTurn[],
): void => {
  const { conversation, customer, staff, saidBefore } = exchanges;
  const pending = group.filter((t) => needsAnswer(customer.byTurn.get(t.index)));
  if (pending.length > 0) {
    const verdict = judge(conversation, pending, replies, staff, customer, saidBefore);
    exchanges.judged.push({
      customerTurns: pending.map((t) => t.index),
      replyTurns: replies.map((t) => t.index),
      ...verdict,
    });
  }
  for (const reply of replies) for (const s of reply.analysis.sentences) saidBefore.add(s.norm);
};

export const scoreListening = (
  conversation: Conversation,
  customer: CustomerFacts,
  staff: ReadonlyMap<number, StaffTurnFacts>,
): ListeningOutcome => {
  const { turns } = conversation;
  const state: Exchanges = { conversation, customer, staff, saidBefore: new Set(), judged: [] };
  let group: AnalysedTurn[] = [];
  let replies: AnalysedTurn[] = [];
  for (const turn of turns) {
    if (turn.role === 'customer') {
      if (replies.length > 0) {
        closeExchange(state, group, replies);
        group = [];
      }
      replies = [];
      group.push(turn);
    } else if (isStaff(turn.role)) {
      if (group.length > 0) replies.push(turn);
      else for (const s of turn.analysis.sentences) state.saidBefore.add(s.norm);
    }
  }
  if (group.length > 0) closeExchange(state, group, replies);
  const exchanges = state.judged;

  const reasons: string[] = [];
  const evidence: Evidence[] = [];
  const missed = exchanges.filter((e) => !e.addressed);
  for (const exchange of missed.slice(0, 3)) {
    const asked = exchange.customerTurns[exchange.customerTurns.length - 1]!;
    const target = exchange.replyTurns[0] ?? asked;
    evidence.push({
      criterion: 'listening',
      turn: target,
      quote: quoteSentence(turns[target]!.text),
      why: `${exchange.why} (customer turn ${asked})`,
    });
  }
  if (missed.length > 0)
    reasons.push(`${missed.length} of ${exchanges.length} customer requests were not addressed`);

  const interruptions = turns.filter((t) => isStaff(t.role) && t.overlap);
  if (interruptions.length > 0) {
    reasons.push(
      `Agent talked over the customer ${interruptions.length} time${interruptions.length > 1 ? 's' : ''}`,
    );
    evidence.push({
      criterion: 'listening',
      turn: interruptions[0]!.index,
      quote: quoteSentence(interruptions[0]!.text),
      why: 'Spoke over the customer',
    });
  }
  const unheard = turns.filter(
    (t) =>
      t.role === 'customer' && t.analysis.sentences.some((s) => findPhrase(conversation.lexicon.notHeard, s)),
  );
  if (unheard.length > 0) {
    reasons.push(`Customer said they were not being heard in turn ${unheard[0]!.index}`);
    evidence.push({
      criterion: 'listening',
      turn: unheard[0]!.index,
      quote: quoteSentence(unheard[0]!.text),
      why: 'Customer had to repeat themselves',
    });
  }
  const ratio = exchanges.length === 0 ? 1 : (exchanges.length - missed.length) / exchanges.length;
  const score = 30 + 70 * ratio - Math.min(30, 10 * interruptions.length) - Math.min(24, 12 * unheard.length);
  return { score: Math.round(Math.max(0, Math.min(100, score))), reasons, evidence, exchanges };
};
