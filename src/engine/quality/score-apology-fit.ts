import { isStaff, type Conversation } from './build-conversation.js';
import type { EventFlags } from './detect-event-flags.js';
import { findPhrase, hasPhrase } from './find-phrase.js';
import type { ApologyVerdict, CriterionOutcome, Evidence } from './quality-result.js';
import { quoteSentence } from './quote-sentence.js';
import type { CustomerFacts } from './read-customer-turns.js';

export type ApologyOutcome = CriterionOutcome & { verdict: ApologyVerdict };

type Apology = { turn: number; norm: string; target: 'problem' | 'choice' | 'unclear'; templated: boolean };

const STRONGLY_UPSET = -0.45;

const quoteApology = (conversation: Conversation, apology: Apology): string =>
  quoteSentence(conversation.turns[apology.turn]!.text, apology.norm);

const findApologies = (
  conversation: Conversation,
  customer: CustomerFacts,
  // The turn of the first company error, if any: an apology after it is for a problem.
  firstError: number | undefined,
): Apology[] => {
  const { lexicon, turns } = conversation;
  const apologies: Apology[] = [];
  let troubleSoFar = false;
  let lastCustomerChose = false;
  for (const turn of turns) {
    if (turn.role === 'customer') {
      const fact = customer.byTurn.get(turn.index);
      if (fact && (fact.problem || fact.companyError || fact.score <= STRONGLY_UPSET)) troubleSoFar = true;
      lastCustomerChose = Boolean(fact?.choice) && !fact?.problem && !fact?.companyError;
      continue;
    }
    if (!isStaff(turn.role)) continue;
    for (const sentence of turn.analysis.sentences) {
      const { norm } = sentence;
      const match = findPhrase(lexicon.apology, sentence);
      if (!match || hasPhrase(lexicon.notAnApology, sentence)) continue;
      const object = norm.slice(match.index);
      const aimedAtChoice =
        hasPhrase(lexicon.choiceObject, sentence) && lexicon.choiceObject.regex.test(object);
      const problemContext = troubleSoFar || (firstError !== undefined && firstError < turn.index);
      const target = problemContext ? 'problem' : aimedAtChoice || lastCustomerChose ? 'choice' : 'unclear';
      apologies.push({ turn: turn.index, norm, target, templated: hasPhrase(lexicon.template, sentence) });
      break;
    }
  }
  return apologies;
};

// The first staff turn that owns up to a company fault the customer may not have named ("our system
// applied the discount twice"); the apology is owed from that very turn.
const firstAdmission = (conversation: Conversation): { turn: number; norm: string } | undefined => {
  for (const turn of conversation.turns) {
    if (!isStaff(turn.role)) continue;
    const sentence = turn.analysis.sentences.find((s) =>
      findPhrase(conversation.lexicon.companyAdmission, s),
    );
    if (sentence) return { turn: turn.index, norm: sentence.norm };
  }
  return undefined;
};

export const scoreApologyFit = (
  conversation: Conversation,
  customer: CustomerFacts,
  events: EventFlags,
): ApologyOutcome => {
  // Company errors known from events count from where they happened (or from the start if unplaced).
  // An apology is owed in turns after an error; an admission counts as half a turn earlier, so an
  // apology in the same turn settles it.
  const admission = firstAdmission(conversation);
  const admittedAt = admission ? admission.turn - 0.5 : undefined;
  const errorTurns: number[] = [];
  if (customer.firstErrorTurn >= 0) errorTurns.push(customer.firstErrorTurn);
  if (events.callbackMissed) errorTurns.push(events.callbackMissedTurn);
  if (events.longHold) errorTurns.push(events.longHoldTurn);
  if (admittedAt !== undefined) errorTurns.push(admittedAt);
  const firstError = errorTurns.length > 0 ? Math.min(...errorTurns) : undefined;
  const apologies = findApologies(conversation, customer, firstError);

  const misplaced = apologies.filter((a) => a.target === 'choice');
  if (misplaced.length > 0) {
    const evidence: Evidence[] = misplaced.map((a) => ({
      criterion: 'apologyFit',
      turn: a.turn,
      quote: quoteApology(conversation, a),
      why: "Apologised for the customer's own decision; nothing went wrong",
    }));
    return {
      verdict: 'misplaced',
      score: Math.max(10, 30 - 10 * (misplaced.length - 1)),
      reasons: [`Apologised in turn ${misplaced[0]!.turn} for the customer's own choice`],
      evidence,
    };
  }

  if (firstError !== undefined) {
    const owed = apologies.filter((a) => a.turn > firstError);
    if (owed.length === 0) {
      if (admission && admittedAt === firstError) {
        return {
          verdict: 'missed',
          score: 20,
          reasons: [`No apology after the agent named the company's own error in turn ${admission.turn}`],
          evidence: [
            {
              criterion: 'apologyFit',
              turn: admission.turn,
              quote: quoteSentence(conversation.turns[admission.turn]!.text, admission.norm),
              why: 'Company error with no apology',
            },
          ],
        };
      }
      // An error known from an event is shown at the turn that followed it.
      const errorTurn =
        customer.firstErrorTurn === firstError
          ? firstError
          : Math.min(firstError + 1, conversation.turns.length - 1);
      const fact = customer.byTurn.get(errorTurn);
      const text = conversation.turns[errorTurn]?.text ?? '';
      return {
        verdict: 'missed',
        score: 20,
        reasons: [
          fact?.companyError
            ? `No apology for the company's error the customer reported in turn ${errorTurn}`
            : events.callbackMissed
              ? 'No apology for the missed callback'
              : 'No apology for the long hold',
        ],
        evidence: [
          {
            criterion: 'apologyFit',
            turn: errorTurn,
            quote: quoteSentence(text, fact?.companyError?.sentence.norm),
            why: 'Company error with no apology',
          },
        ],
      };
    }
  }

  if (apologies.length === 0) return { verdict: 'none', score: 100, reasons: [], evidence: [] };
  const best = apologies.find((a) => a.target === 'problem' && !a.templated) ?? apologies[0]!;
  const score = best.target === 'problem' ? (best.templated ? 75 : 100) : 80;
  const why =
    best.target === 'problem'
      ? best.templated
        ? 'Apology fits the problem but is a stock phrase'
        : 'Apology fits what went wrong'
      : 'Apology with no clear cause';
  return {
    verdict: 'fit',
    score,
    reasons: best.templated ? ['Apology was a stock phrase rather than about the specific problem'] : [],
    evidence: [{ criterion: 'apologyFit', turn: best.turn, quote: quoteApology(conversation, best), why }],
  };
};
