import type { Conversation } from './build-conversation.js';
import { findInSentences, hasPhrase, type PhraseHit } from './find-phrase.js';
import type { StaffTurnFacts } from './read-staff-turns.js';
import type { Phrase } from './phrase-index.js';
import { scoreCustomerText } from './score-sentiment.js';

export type CustomerTurnFacts = {
  turn: number;
  score: number;
  sarcastic: boolean;
  words: number;
  question: boolean;
  substantive: boolean;
  problem: PhraseHit | null;
  request: PhraseHit | null;
  companyError: PhraseHit | null;
  choice: PhraseHit | null;
  suggestion: PhraseHit | null;
  confirm: PhraseHit | null;
  disconfirm: PhraseHit | null;
};

export type CustomerFacts = {
  turns: readonly CustomerTurnFacts[];
  byTurn: ReadonlyMap<number, CustomerTurnFacts>;
  upset: boolean;
  hasProblem: boolean;
  firstProblemTurn: number;
  firstErrorTurn: number;
};

const UPSET_AT = -0.3;

const hitUnlessReassurance = (hit: PhraseHit | null, reassurance: Phrase): PhraseHit | null =>
  hit && !hasPhrase(reassurance, hit.sentence) ? hit : null;

export const readCustomerTurns = (
  conversation: Conversation,
  staff: ReadonlyMap<number, StaffTurnFacts>,
): CustomerFacts => {
  const { turns, lexicon } = conversation;
  const facts: CustomerTurnFacts[] = [];
  let previous: CustomerTurnFacts | undefined;
  let staffClaimedSincePrevious = false;
  for (const turn of turns) {
    if (turn.role !== 'customer') {
      if (staff.get(turn.index)?.claim) staffClaimedSincePrevious = true;
      continue;
    }
    const { sentences, wordCount } = turn.analysis;
    // "Is it working now?" asks; only statements can confirm.
    const statements = sentences.filter((s) => !s.question);
    const confirm = findInSentences(statements, lexicon.confirm);
    // A curt "great, thanks" straight after an unanswered complaint is more likely a jab than thanks.
    const sore =
      previous !== undefined && previous.score <= UPSET_AT && !staffClaimedSincePrevious && !confirm;
    const feeling = scoreCustomerText(turn.text, turn.analysis, lexicon, sore);
    const problem = hitUnlessReassurance(findInSentences(sentences, lexicon.trouble), lexicon.notAProblem);
    const request = findInSentences(sentences, lexicon.request);
    const disconfirm = findInSentences(sentences, lexicon.disconfirm);
    const question = sentences.some((s) => s.question);
    const fact: CustomerTurnFacts = {
      turn: turn.index,
      score: feeling.score,
      sarcastic: feeling.sarcastic,
      words: wordCount,
      question,
      substantive: question || problem !== null || request !== null || wordCount >= 5,
      problem,
      request,
      companyError: findInSentences(sentences, lexicon.companyError),
      choice: findInSentences(sentences, lexicon.customerChoice),
      suggestion: findInSentences(sentences, lexicon.suggestion),
      confirm: feeling.sarcastic ? null : confirm,
      disconfirm: disconfirm ?? (feeling.sarcastic ? findInSentences(sentences, /\S+/) : null),
    };
    facts.push(fact);
    previous = fact;
    staffClaimedSincePrevious = false;
  }
  const byTurn = new Map(facts.map((fact) => [fact.turn, fact]));
  const problemTurns = facts.filter((f) => f.problem || f.companyError || f.score <= UPSET_AT);
  return {
    turns: facts,
    byTurn,
    upset: facts.some((f) => f.score <= UPSET_AT),
    hasProblem: problemTurns.length > 0,
    firstProblemTurn: problemTurns[0]?.turn ?? -1,
    firstErrorTurn: facts.find((f) => f.companyError)?.turn ?? -1,
  };
};
