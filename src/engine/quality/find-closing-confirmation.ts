import type { Conversation } from './build-conversation.js';
import { hasPhrase } from './find-phrase.js';
import type { Sentence } from './analyse-text.js';
import type { CustomerFacts } from './read-customer-turns.js';

// On a call the customer rarely checks the result in front of the agent: the agent says it is done
// ("i've ordered your new card", "your balance is ..."), and the customer's satisfied close ("great,
// thank you, that's all") is the only confirmation there will be. It counts only after a claim, and
// only if nothing the customer said since reports the problem as still there.
export const findClosingConfirmation = (
  conversation: Conversation,
  customer: CustomerFacts,
  claimTurn: number,
): { turn: number; sentence: Sentence } | null => {
  for (const fact of customer.turns) {
    if (fact.turn <= claimTurn) continue;
    if (fact.sarcastic || fact.disconfirm || fact.problem || fact.companyError) return null;
    // Matched without the negation guard: the "no" in "no, that's all" answers "anything else?".
    const sentence = conversation.turns[fact.turn]!.analysis.sentences.find(
      (s) => !s.question && hasPhrase(conversation.lexicon.closingSatisfied, s),
    );
    if (sentence) return { turn: fact.turn, sentence };
  }
  return null;
};
