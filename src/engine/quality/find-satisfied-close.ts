import type { Conversation } from './build-conversation.js';
import { hasPhrase } from './find-phrase.js';
import type { Sentence } from './analyse-text.js';
import type { CustomerFacts } from './read-customer-turns.js';

// The customer closing satisfied after a given turn ("great, thank you, that's all"), with nothing
// they said since reporting the problem as still there. After an agent's claim it is the only
// confirmation a call usually gets (the customer cannot check a new card on the line); with no claim
// it still shows the customer was not sent away.
export const findSatisfiedClose = (
  conversation: Conversation,
  customer: CustomerFacts,
  after: number,
): { turn: number; sentence: Sentence } | null => {
  for (const fact of customer.turns) {
    if (fact.turn <= after) continue;
    if (fact.sarcastic || fact.disconfirm || fact.problem || fact.companyError) return null;
    // Matched without the negation guard: the "no" in "no, that's all" answers "anything else?".
    const sentence = conversation.turns[fact.turn]!.analysis.sentences.find(
      (s) => !s.question && hasPhrase(conversation.lexicon.closingSatisfied, s),
    );
    if (sentence) return { turn: fact.turn, sentence };
  }
  return null;
};
