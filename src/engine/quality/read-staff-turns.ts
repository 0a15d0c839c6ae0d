import { isStaff, type Conversation } from './build-conversation.js';
import type { Sentence } from './analyse-text.js';
import { detectTeaching } from './detect-teaching.js';
import { findInSentences, mayMatch, type PhraseHit } from './find-phrase.js';
import type { Phrase } from './phrase-index.js';
import { isNegatedBefore } from './phrase-pattern.js';
import { TERSE_CLAIM } from './lexicons/resolution-phrases.js';

export type StaffTurnFacts = {
  turn: number;
  claim: PhraseHit | null;
  teach: PhraseHit | null;
  redirect: PhraseHit | null;
  warmHandover: PhraseHit | null;
  feedbackLogged: PhraseHit | null;
};

// "I'll make sure it's processed" and "once it has been approved" describe intentions, not results.
const HEDGE =
  /(?:^|\s)(?:make sure|ensure|want to|wanted to|hope|hopefully|try to|trying to|will|would|could|if|once|when|until|going to|as soon as|after)\s/;

const CLAUSE_BREAK = / [:;,] | and | but | so /;

const claimIn = (statements: readonly Sentence[], phrase: Phrase): PhraseHit | null => {
  const { regex } = phrase;
  for (let index = 0; index < statements.length; index += 1) {
    const sentence = statements[index]!;
    if (!mayMatch(phrase, sentence)) continue;
    regex.lastIndex = 0;
    for (let match = regex.exec(sentence.norm); match; match = regex.exec(sentence.norm)) {
      const clause = sentence.norm.slice(0, match.index).split(CLAUSE_BREAK).pop() ?? '';
      if (!HEDGE.test(` ${clause}`) && !isNegatedBefore(sentence.norm, match.index)) {
        regex.lastIndex = 0;
        return { sentence, index, phrase: match[0] };
      }
      if (!regex.global) break;
    }
    regex.lastIndex = 0;
  }
  return null;
};

// Outcome-bearing statements by agents, bots and system messages, read once and shared by the
// resolution, redirect and road logic.
export const readStaffTurns = (conversation: Conversation): Map<number, StaffTurnFacts> => {
  const { turns, lexicon } = conversation;
  const facts = new Map<number, StaffTurnFacts>();
  for (const turn of turns) {
    if (turn.role === 'customer') continue;
    const statements = turn.analysis.sentences.filter((s) => !s.question);
    const staff = isStaff(turn.role);
    facts.set(turn.index, {
      turn: turn.index,
      claim: claimIn(statements, lexicon.claim) ?? findInSentences(statements, TERSE_CLAIM),
      teach: staff ? detectTeaching(turn, lexicon) : null,
      redirect: staff ? findInSentences(turn.analysis.sentences, lexicon.redirect) : null,
      warmHandover: staff ? findInSentences(turn.analysis.sentences, lexicon.warmHandover) : null,
      feedbackLogged: staff ? findInSentences(statements, lexicon.feedbackLogged) : null,
    });
  }
  return facts;
};
