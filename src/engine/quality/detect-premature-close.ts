import type { Conversation } from './build-conversation.js';
import { findInSentences } from './find-phrase.js';
import type { Evidence, Resolution } from './quality-result.js';
import { quoteSentence } from './quote-sentence.js';
import { WRAP_UP } from './lexicons/listening-phrases.js';
import type { CustomerFacts } from './read-customer-turns.js';
import type { Exchange } from './score-listening.js';

export type PrematureClose = { flag: boolean; reason?: string; evidence?: Evidence };

// Closed on the customer: their last real question or complaint got at most a turn or two before
// the agent or the system wound the conversation up, and it was not resolved.
export const detectPrematureClose = (
  conversation: Conversation,
  customer: CustomerFacts,
  exchanges: readonly Exchange[],
  resolution: Resolution,
): PrematureClose => {
  const { turns, events, rubric } = conversation;
  const lastNeed = exchanges[exchanges.length - 1];
  if (!lastNeed || resolution === 'confirmed') return { flag: false };
  const asked = lastNeed.customerTurns[lastNeed.customerTurns.length - 1]!;
  const after = turns.filter((t) => t.index > asked && t.role !== 'customer');
  const laterCustomer = turns.some(
    (t) => t.index > asked && t.role === 'customer' && (customer.byTurn.get(t.index)?.substantive ?? false),
  );
  // "Anything else?" straight after a request nobody dealt with winds the call up as surely as a
  // goodbye does, however many courtesies follow it.
  const wrappedUp =
    !lastNeed.addressed &&
    after[0] !== undefined &&
    after[0].analysis.sentences.some((s) => WRAP_UP.test(s.norm));
  if (laterCustomer || (after.length > rubric.prematureCloseTurns && !wrappedUp)) return { flag: false };
  const closedEvent = events.some((e) => e.event.type === 'closed' && e.after >= asked);
  const closingTurn = after.find((t) => findInSentences(t.analysis.sentences, conversation.lexicon.closing));
  if (!closedEvent && !closingTurn) return { flag: false };
  if (resolution !== 'unresolved' && lastNeed.addressed) return { flag: false };
  const closer = closingTurn ?? after[after.length - 1];
  const turn = closer?.index ?? asked;
  return {
    flag: true,
    reason: `Conversation was closed right after the customer's unresolved request in turn ${asked}`,
    evidence: {
      criterion: 'listening',
      turn,
      quote: quoteSentence(turns[turn]!.text),
      why: 'Closed without resolving the last request',
    },
  };
};
