import { analyseText } from './analyse-text.js';
import { escapePhrase, phraseRegex } from './phrase-pattern.js';
import type { PhraseKind, Rubric } from './rubric.js';
import { apologySources, choiceObjectSources, notAnApologySources } from './lexicons/apology-phrases.js';
import { nextStepSources, jargonSources, vagueSources } from './lexicons/clarity-phrases.js';
import { customerChoiceSources } from './lexicons/customer-choice-phrases.js';
import {
  acknowledgementSources,
  dismissiveSources,
  ownershipSources,
  templateSources,
  warmthSources,
} from './lexicons/empathy-phrases.js';
import {
  askLeadSources,
  notARepeatSources,
  problemAskSources,
  slotNounSources,
  type Slot,
} from './lexicons/identifier-phrases.js';
import { companyErrorSources, notAProblemSources, requestSources, troubleSources } from './lexicons/problem-phrases.js';
import { redirectSources, warmHandoverSources } from './lexicons/redirect-phrases.js';
import {
  claimSources,
  confirmSources,
  disconfirmSources,
} from './lexicons/resolution-phrases.js';
import {
  feedbackLoggedSources,
  selfServedSources,
  suggestionSources,
  teachSources,
} from './lexicons/road-phrases.js';
import { neutralSources, sentimentPhraseGroups } from './lexicons/sentiment-phrases.js';

export type Lexicon = {
  acknowledgement: RegExp;
  ownership: RegExp;
  warmth: RegExp;
  template: RegExp;
  dismissive: RegExp;
  apology: RegExp;
  notAnApology: RegExp;
  choiceObject: RegExp;
  customerChoice: RegExp;
  companyError: RegExp;
  trouble: RegExp;
  request: RegExp;
  notAProblem: RegExp;
  slotNouns: ReadonlyArray<readonly [Slot, RegExp]>;
  askLead: RegExp;
  problemAsk: RegExp;
  notARepeat: RegExp;
  redirect: RegExp;
  warmHandover: RegExp;
  jargon: RegExp;
  nextStep: RegExp;
  vague: RegExp;
  confirm: RegExp;
  disconfirm: RegExp;
  claim: RegExp;
  sentimentGroups: ReadonlyArray<readonly [number, RegExp]>;
  neutral: RegExp;
  feedbackLogged: RegExp;
  suggestion: RegExp;
  teach: RegExp;
  selfServed: RegExp;
};

type Extras = Rubric['extraPhrases'];

// Workspace phrases are plain text; running them through the same tokeniser as the transcript puts
// them in the same normal form ("we've" -> "we have") before they are escaped.
const normalisedExtras = (extras: Extras, kind: PhraseKind): string[] =>
  (extras[kind] ?? [])
    .map((phrase) => analyseText(phrase, { sentiment: false }).tokens.join(' ').trim())
    .filter((phrase) => phrase.length > 0)
    .map(escapePhrase);

const compile = (extras: Extras): Lexicon => {
  const withExtra = (sources: readonly string[], kind: PhraseKind): string[] => [
    ...sources,
    ...normalisedExtras(extras, kind),
  ];
  return {
    acknowledgement: phraseRegex(withExtra(acknowledgementSources, 'empathy')),
    ownership: phraseRegex(ownershipSources),
    warmth: phraseRegex(warmthSources),
    template: phraseRegex(templateSources),
    dismissive: phraseRegex(dismissiveSources),
    apology: phraseRegex(withExtra(apologySources, 'apology'), 'g'),
    notAnApology: phraseRegex(notAnApologySources),
    choiceObject: phraseRegex(choiceObjectSources),
    customerChoice: phraseRegex(withExtra(customerChoiceSources, 'customerChoice'), 'g'),
    companyError: phraseRegex(companyErrorSources, 'g'),
    trouble: phraseRegex(troubleSources, 'g'),
    request: phraseRegex(requestSources, 'g'),
    notAProblem: phraseRegex(notAProblemSources),
    slotNouns: slotNounSources.map(([slot, sources]) => [slot, phraseRegex(sources)] as const),
    askLead: phraseRegex(askLeadSources, 'g'),
    problemAsk: phraseRegex(problemAskSources, 'g'),
    notARepeat: phraseRegex(notARepeatSources),
    redirect: phraseRegex(withExtra(redirectSources, 'redirect'), 'g'),
    warmHandover: phraseRegex(warmHandoverSources),
    jargon: phraseRegex(withExtra(jargonSources, 'jargon'), 'g'),
    nextStep: phraseRegex(nextStepSources),
    vague: phraseRegex(vagueSources),
    confirm: phraseRegex(confirmSources, 'g'),
    disconfirm: phraseRegex(disconfirmSources),
    claim: phraseRegex(claimSources, 'g'),
    sentimentGroups: sentimentPhraseGroups.map(([weight, sources]) => [weight, phraseRegex(sources, 'g')] as const),
    neutral: phraseRegex(neutralSources),
    feedbackLogged: phraseRegex(feedbackLoggedSources, 'g'),
    suggestion: phraseRegex(suggestionSources),
    teach: phraseRegex(teachSources),
    selfServed: phraseRegex(selfServedSources),
  };
};

export const defaultLexicon: Lexicon = compile({});

const cache = new Map<string, Lexicon>();
const CACHE_LIMIT = 64;

// A workspace's rubric is reused for every conversation it scores, so its compiled phrase lists are
// kept rather than rebuilt per call.
export const lexiconFor = (extras: Extras): Lexicon => {
  const hasExtras = Object.values(extras).some((list) => (list?.length ?? 0) > 0);
  if (!hasExtras) return defaultLexicon;
  const key = JSON.stringify(extras);
  const hit = cache.get(key);
  if (hit) return hit;
  const lexicon = compile(extras);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, lexicon);
  return lexicon;
};
