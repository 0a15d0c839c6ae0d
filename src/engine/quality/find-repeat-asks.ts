import { isStaff, type Conversation } from './build-conversation.js';
import { detectAsks, type Ask } from './detect-asks.js';
import { slotLabels } from './lexicons/identifier-phrases.js';
import type { CriterionOutcome, Evidence, RepeatAsk } from './quality-result.js';
import { quoteSentence } from './quote-sentence.js';
import type { CustomerFacts } from './read-customer-turns.js';
import { trackKnownFacts, type Known } from './track-known-facts.js';

export type RepeatAskOutcome = CriterionOutcome & { repeats: RepeatAsk[] };

const ALREADY_GAVE =
  /(?:^|\s)(?:i )?(?:already|just) (?:gave|given|told|said|provided|entered|typed|keyed|put in|confirmed|sent|explained|went through)(?=\s|$)|(?:^|\s)(?:same|as) (?:as )?(?:i|what i) (?:said|gave|told)(?=\s|$)|(?:^|\s)(?:it is|it was|both are|they are|that is) (?:the one )?(?:in|at the bottom of|at the top of|on|under) (?:my|the|this|your) (?:first |last |previous |original )?(?:email|message|subject|thread|chat|letter|notes|screen|system)|(?:^|\s)(?:in front of you|you (?:already )?have (?:it|that|them)|(?:third|second|fourth) time|i told the last|i gave (?:it|that) to)(?=\s|$)/;

const describe = (ask: Ask, known: Known): string => {
  if (ask.slot === 'problem')
    return `Asked the customer to explain the problem again, already described in turn ${known.turn}`;
  const label = slotLabels[ask.slot];
  if (known.source === 'known') return `Asked for the ${label}, which is already on the customer's record`;
  if (known.source === 'verified') {
    return known.turn < 0
      ? `Asked for the ${label} although the customer was verified before the conversation`
      : `Asked for the ${label} although the customer was verified after turn ${known.turn}`;
  }
  return known.turn < 0
    ? `Asked again for the ${label}`
    : `Asked again for the ${label} already given in turn ${known.turn}`;
};

// Scores: one repeat halves the score and each further one halves it again, so a single slip still
// reads as a problem and a conversation full of them bottoms out.
const scoreFor = (repeats: number): number => Math.round(100 * 0.45 ** repeats);

export const findRepeatAsks = (conversation: Conversation, customer: CustomerFacts): RepeatAskOutcome => {
  const { turns, lexicon } = conversation;
  const knownValues = Object.values(conversation.transcript.customer?.known ?? {})
    .filter((v): v is string => typeof v === 'string' && v.trim().length >= 3)
    .map((v) => v.trim().toLowerCase());
  const asksByTurn = new Map<number, Ask[]>();
  for (const turn of turns) {
    if (!isStaff(turn.role)) continue;
    const asks = detectAsks(turn.analysis.sentences, lexicon, knownValues);
    if (asks.length > 0) asksByTurn.set(turn.index, asks);
  }
  const known = trackKnownFacts(conversation, customer, asksByTurn);
  const flagged: { turn: number; ask: Ask; given: Known }[] = [];
  for (const [turn, asks] of asksByTurn) {
    for (const ask of asks) {
      const given = known.slots.get(ask.slot);
      if (given && given.turn < turn) {
        flagged.push({ turn, ask, given });
        continue;
      }
      // The customer saying "I already gave you that" is the best witness there is.
      const reply = turns.find((t) => t.index > turn && t.role === 'customer');
      if (reply && ask.slot !== 'problem' && ALREADY_GAVE.test(reply.analysis.norm)) {
        flagged.push({ turn, ask, given: { turn: -1, source: 'said' } });
      }
    }
  }
  const repeats: RepeatAsk[] = [];
  const reasons: string[] = [];
  const evidence: Evidence[] = [];
  for (const { turn, ask, given } of flagged) {
    repeats.push({ turn, slot: ask.slot, givenIn: given.turn, source: given.source });
    const why = describe(ask, given);
    reasons.push(why);
    const quote = quoteSentence(turns[turn]!.text, ask.sentence.norm);
    evidence.push({ criterion: 'repeatAsk', turn, quote, why });
  }
  repeats.sort((a, b) => a.turn - b.turn);
  return { score: scoreFor(repeats.length), reasons, evidence, repeats };
};
