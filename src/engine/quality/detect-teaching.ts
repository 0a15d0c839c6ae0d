import type { AnalysedTurn } from './build-conversation.js';
import type { Lexicon } from './build-lexicon.js';
import { findInSentences, type PhraseHit } from './find-phrase.js';

// Instructions read as imperatives: "Open Settings", "then tap Clear cache", "pick EPUB".
const IMPERATIVE =
  /^(?:(?:first|firstly|then|next|now|just|finally|after that|once that is done|and|so|in the app|in your account|on the website|from there|there)(?: ,)? )*(?:go|open|tap|click|select|choose|pick|press|enter|type|turn|switch|restart|reboot|unplug|plug|hold|log|sign|scroll|find|navigate|head|update|clear|add|set|change|delete|remove|install|reinstall|download|upload|copy|paste|drag|toggle|use|try|follow|measure|compare|record|dial|reply|drop|print|scan|attach|make|pay|move)(?=\s|$)/;
const MENU_PATH = /\w\s?>\s?\w|→/;

// Teaching: a how-to phrase, or a turn that walks through at least two steps (or a menu path).
export const detectTeaching = (turn: AnalysedTurn, lexicon: Lexicon): PhraseHit | null => {
  const phrase = findInSentences(turn.analysis.sentences, lexicon.teach);
  if (phrase) return phrase;
  const steps = turn.analysis.sentences.filter((s) => !s.question && IMPERATIVE.test(s.norm));
  if (steps.length >= 2 || (steps.length >= 1 && MENU_PATH.test(turn.text))) {
    const first = steps[0]!;
    return { sentence: first, index: turn.analysis.sentences.indexOf(first), phrase: first.norm };
  }
  return null;
};
