import type { AnalysedTurn, Conversation } from './build-conversation.js';
import { findSatisfiedClose } from './find-satisfied-close.js';
import { findPhrase, hasPhrase } from './find-phrase.js';
import type { Evidence, Resolution } from './quality-result.js';
import { quoteSentence } from './quote-sentence.js';
import type { CustomerFacts } from './read-customer-turns.js';
import type { StaffTurnFacts } from './read-staff-turns.js';

export type ResolutionFacts = {
  resolution: Resolution;
  // Turn that settled the verdict (customer confirmation or staff claim), -1 if none.
  turn: number;
  evidence: Evidence[];
  reasons: string[];
};

type Verdict = { kind: 'open' | 'confirmed'; turn: number; norm?: string };

const AFFIRMATIVE = /^(?:yes|yep|yeah|yup|yay|great|perfect|brilliant|lovely|ok|okay)(?=\s|$)/;
// A token holding a digit: "14a", "2b", "5521" (every such token is specific, letters or not).
const SPECIFIC = /\d/;

// "Yes!! 14A and 14B" reads the outcome back: an affirmative reply that repeats a specific value from
// the agent's last message is the customer seeing the result.
const readsBackOutcome = (turn: AnalysedTurn, previousStaff: AnalysedTurn | undefined): boolean => {
  if (!previousStaff || !AFFIRMATIVE.test(turn.analysis.norm)) return false;
  const theirs = new Set(previousStaff.analysis.tokens.filter((t) => SPECIFIC.test(t)));
  return turn.analysis.tokens.some((t) => SPECIFIC.test(t) && theirs.has(t));
};

// Reads the customer's sentences in order: the last thing they said about the problem decides
// whether it is solved, reported as still broken, or newly raised.
// "Problem solved" names the trouble inside the confirmation; trouble elsewhere in the sentence
// ("that worked but now the screen is frozen") still leaves it open.
const outsideConfirmation = (hit: RegExpExecArray | null, confirmed: RegExpExecArray | null): boolean =>
  hit !== null &&
  !(confirmed && hit.index >= confirmed.index && hit.index < confirmed.index + confirmed[0].length);

const customerVerdicts = (conversation: Conversation, customer: CustomerFacts): Verdict | undefined => {
  const { turns, lexicon } = conversation;
  let verdict: Verdict | undefined;
  let staffSpoke = false;
  let lastStaff: AnalysedTurn | undefined;
  for (const turn of turns) {
    if (turn.role !== 'customer') {
      staffSpoke = true;
      lastStaff = turn;
      continue;
    }
    const fact = customer.byTurn.get(turn.index);
    if (fact?.sarcastic) {
      verdict = { kind: 'open', turn: turn.index };
      continue;
    }
    for (const sentence of turn.analysis.sentences) {
      if (sentence.question) continue;
      const confirmed = staffSpoke ? findPhrase(lexicon.confirm, sentence) : null;
      const troubled =
        findPhrase(lexicon.disconfirm, sentence) ||
        (outsideConfirmation(findPhrase(lexicon.trouble, sentence), confirmed) &&
          !hasPhrase(lexicon.notAProblem, sentence)) ||
        outsideConfirmation(findPhrase(lexicon.companyError, sentence), confirmed);
      if (troubled) verdict = { kind: 'open', turn: turn.index };
      else if (confirmed) verdict = { kind: 'confirmed', turn: turn.index, norm: sentence.norm };
    }
    if (staffSpoke && verdict?.turn !== turn.index && readsBackOutcome(turn, lastStaff)) {
      verdict = { kind: 'confirmed', turn: turn.index, norm: turn.analysis.sentences[0]?.norm };
    }
  }
  return verdict;
};

const resolvedEventFrom = (conversation: Conversation, turn: number): boolean =>
  conversation.events.some((e) => e.event.type === 'resolved' && e.after >= turn);

export const detectResolution = (
  conversation: Conversation,
  customer: CustomerFacts,
  staff: ReadonlyMap<number, StaffTurnFacts>,
): ResolutionFacts => {
  const verdict = customerVerdicts(conversation, customer);
  if (verdict?.kind === 'confirmed') {
    const turn = conversation.turns[verdict.turn]!;
    return {
      resolution: 'confirmed',
      turn: verdict.turn,
      evidence: [
        {
          criterion: 'resolution',
          turn: verdict.turn,
          quote: quoteSentence(turn.text, verdict.norm),
          why: 'Customer confirmed the outcome',
        },
      ],
      reasons: [`Customer confirmed the fix in turn ${verdict.turn}`],
    };
  }
  const from = verdict?.turn ?? -1;
  for (const facts of staff.values()) {
    if (facts.turn <= from || !facts.claim) continue;
    const turn = conversation.turns[facts.turn]!;
    const closing = findSatisfiedClose(conversation, customer, facts.turn);
    if (closing) {
      return {
        resolution: 'confirmed',
        turn: closing.turn,
        evidence: [
          {
            criterion: 'resolution',
            turn: closing.turn,
            quote: quoteSentence(conversation.turns[closing.turn]!.text, closing.sentence.norm),
            why: 'Customer closed satisfied after the agent said it was done',
          },
        ],
        reasons: [
          `Agent said it was done in turn ${facts.turn}; the customer closed satisfied in turn ${closing.turn}`,
        ],
      };
    }
    return {
      resolution: 'claimed',
      turn: facts.turn,
      evidence: [
        {
          criterion: 'resolution',
          turn: facts.turn,
          quote: quoteSentence(turn.text, facts.claim.sentence.norm),
          why: 'Agent said it is done; the customer did not confirm',
        },
      ],
      reasons: [`Resolution claimed in turn ${facts.turn} but not confirmed by the customer`],
    };
  }
  if (resolvedEventFrom(conversation, Math.max(from, 0))) {
    return {
      resolution: 'claimed',
      turn: conversation.turns.length - 1,
      evidence: [],
      reasons: ['Marked resolved by the system without the customer confirming'],
    };
  }
  const reasons = verdict ? [`Customer's problem in turn ${verdict.turn} was left unresolved`] : [];
  return { resolution: 'unresolved', turn: -1, evidence: [], reasons };
};
