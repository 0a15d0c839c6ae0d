import { analyseText } from './analyse-text.js';
import { createPhraseIndex, type Phrase } from './phrase-index.js';
import { escapePhrase, phraseRegex } from './phrase-pattern.js';
import { closingSources, deflectionSources, notHeardSources } from './lexicons/listening-phrases.js';
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
import {
  companyAdmissionSources,
  companyErrorSources,
  notAProblemSources,
  requestSources,
  troubleSources,
} from './lexicons/problem-phrases.js';
import { redirectSources, warmHandoverSources } from './lexicons/redirect-phrases.js';
import {
  claimSources,
  closingSatisfiedSources,
  confirmSources,
  disconfirmSources,
} from './lexicons/resolution-phrases.js';
import {
  feedbackLoggedSources,
  selfServedSources,
  suggestionSources,
  teachSources,
} from './lexicons/road-phrases.js';
import {
  feelingSources,
  neutralSources,
  sentimentPhraseGroups,
  statedReasonSources,
} from './lexicons/sentiment-phrases.js';

export type Lexicon = {
  acknowledgement: Phrase;
  ownership: Phrase;
  warmth: Phrase;
  template: Phrase;
  dismissive: Phrase;
  apology: Phrase;
  notAnApology: Phrase;
  choiceObject: Phrase;
  customerChoice: Phrase;
  companyError: Phrase;
  companyAdmission: Phrase;
  trouble: Phrase;
  request: Phrase;
  notAProblem: Phrase;
  slotNouns: ReadonlyArray<readonly [Slot, Phrase]>;
  askLead: Phrase;
  problemAsk: Phrase;
  notARepeat: Phrase;
  redirect: Phrase;
  warmHandover: Phrase;
  jargon: Phrase;
  nextStep: Phrase;
  vague: Phrase;
  confirm: Phrase;
  disconfirm: Phrase;
  claim: Phrase;
  closingSatisfied: Phrase;
  sentimentGroups: ReadonlyArray<readonly [number, Phrase]>;
  neutral: Phrase;
  feeling: Phrase;
  statedReason: Phrase;
  feedbackLogged: Phrase;
  suggestion: Phrase;
  teach: Phrase;
  selfServed: Phrase;
  deflection: Phrase;
  notHeard: Phrase;
  closing: Phrase;
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
  const index = createPhraseIndex();
  const p = (regex: RegExp): Phrase => index.add(regex);
  const withExtra = (sources: readonly string[], kind: PhraseKind): string[] => [
    ...sources,
    ...normalisedExtras(extras, kind),
  ];
  return {
    acknowledgement: p(phraseRegex(withExtra(acknowledgementSources, 'empathy'))),
    ownership: p(phraseRegex(ownershipSources)),
    warmth: p(phraseRegex(warmthSources)),
    template: p(phraseRegex(templateSources)),
    dismissive: p(phraseRegex(dismissiveSources)),
    apology: p(phraseRegex(withExtra(apologySources, 'apology'), 'g')),
    notAnApology: p(phraseRegex(notAnApologySources)),
    choiceObject: p(phraseRegex(choiceObjectSources)),
    customerChoice: p(phraseRegex(withExtra(customerChoiceSources, 'customerChoice'), 'g')),
    companyError: p(phraseRegex(companyErrorSources, 'g')),
    companyAdmission: p(phraseRegex(companyAdmissionSources, 'g')),
    trouble: p(phraseRegex(troubleSources, 'g')),
    request: p(phraseRegex(requestSources, 'g')),
    notAProblem: p(phraseRegex(notAProblemSources)),
    slotNouns: slotNounSources.map(([slot, sources]) => [slot, p(phraseRegex(sources))] as const),
    askLead: p(phraseRegex(askLeadSources, 'g')),
    problemAsk: p(phraseRegex(problemAskSources, 'g')),
    notARepeat: p(phraseRegex(notARepeatSources)),
    redirect: p(phraseRegex(withExtra(redirectSources, 'redirect'), 'g')),
    warmHandover: p(phraseRegex(warmHandoverSources)),
    jargon: p(phraseRegex(withExtra(jargonSources, 'jargon'), 'g')),
    nextStep: p(phraseRegex(nextStepSources)),
    vague: p(phraseRegex(vagueSources)),
    confirm: p(phraseRegex(confirmSources, 'g')),
    disconfirm: p(phraseRegex(disconfirmSources)),
    claim: p(phraseRegex(claimSources, 'g')),
    closingSatisfied: p(phraseRegex(closingSatisfiedSources)),
    sentimentGroups: sentimentPhraseGroups.map(
      ([weight, sources]) => [weight, p(phraseRegex(sources, 'g'))] as const,
    ),
    neutral: p(phraseRegex(neutralSources)),
    feeling: p(phraseRegex(feelingSources)),
    statedReason: p(phraseRegex(statedReasonSources)),
    feedbackLogged: p(phraseRegex(feedbackLoggedSources, 'g')),
    suggestion: p(phraseRegex(suggestionSources)),
    teach: p(phraseRegex(teachSources)),
    selfServed: p(phraseRegex(selfServedSources)),
    deflection: p(phraseRegex(deflectionSources)),
    notHeard: p(phraseRegex(notHeardSources)),
    closing: p(phraseRegex(closingSources)),
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
