import { describe, expect, it } from 'vitest';
import { analyseText } from './analyse-text.js';
import { defaultLexicon } from './build-lexicon.js';
import { mayMatch } from './find-phrase.js';
import type { Phrase } from './phrase-index.js';
import { createPhraseIndex, fastTwin, requiredWords } from './phrase-index.js';
import { phraseRegex } from './phrase-pattern.js';

const allPhrases = (): Phrase[] =>
  Object.values(defaultLexicon).flatMap((value: Phrase | ReadonlyArray<readonly [unknown, Phrase]>) =>
    Array.isArray(value) ? value.map(([, phrase]) => phrase) : [value as Phrase],
  );

// Sentences chosen to exercise many lists at once, including negation, contractions and numbers.
const corpus = [
  "I'm so sorry, that's our mistake. I've refunded the duplicate charge and you'll see it within 3 working days.",
  "You'll need to contact the manufacturer, their number is 0800 123 456. Have a nice day.",
  'Could you confirm the number on your account for me? And your postcode?',
  "That worked, it's all sorted now, thanks so much!",
  "Great, another hour wasted. Thanks for nothing, still not working and nobody's called.",
  "I'd like to cancel my subscription, I'm moving abroad and don't need it any more.",
  'Go to Settings > Notifications, then tap Clear cache and restart the app.',
  "I've passed your suggestion to our product team as a feature request so we can change it.",
  'Per the SLA the BACS remittance is in the reconciliation queue; tier 2 raised a P2.',
  'What seems to be the problem? Remind me what is going on? Which email is the account under?',
  "That must be so stressful, I completely understand how worrying this is. Leave it with me, I'll sort it.",
  'As I already told you, there is nothing more I can do. Calm down.',
  "My parcel was supposed to arrive on Monday and tracking hasn't moved. The internet's been down since 7am.",
  "No need to apologise! Sorry, I didn't catch that. I hear you, you're not alone.",
  "It's been approved and your refund has now been processed. Booked for Friday 8 to 12.",
  'I can see £74 in the app now. Done it, found the button. The lights just came on.',
];

describe('phrase index', () => {
  it('finds the words a list cannot match without', () => {
    expect(
      requiredWords(phraseRegex(['sorry', 'apologi[sz]e', '(?:i|we) (?:deeply )?regret']).source)
        ?.map((i) => i.text)
        .sort(),
    ).toEqual(['apologi', 'regret', 'sorry']);
    expect(
      requiredWords(phraseRegex(['(?:i|we) (?:have )?(?:fixed|sorted)']).source)
        ?.map((i) => i.text)
        .sort(),
    ).toEqual(['fixed', 'sorted']);
    expect(requiredWords(phraseRegex(['\\d+ days']).source)?.map((i) => i.text)).toEqual(['days']);
    expect(requiredWords(phraseRegex(['\\d+ (?:\\S+ )?\\.']).source)).toBeNull();
  });

  it('keys a list of common words only on them rather than testing it on every sentence', () => {
    expect(requiredWords(phraseRegex(['(?:it|that) is']).source)?.map((i) => i.text)).toEqual(['is']);
    const index = createPhraseIndex();
    const phrase = index.add(phraseRegex(['(?:and|also|plus) (?:your|the)', 'postcode']));
    expect(phrase.always).toBe(false);
    expect(index.triggered(['what', 'is', 'your', 'name'])[phrase.id]).toBe(0);
    expect(index.triggered(['and', 'your', 'name'])[phrase.id]).toBe(1);
  });

  it('keys a list on rarer words than one found in most sentences', () => {
    expect(
      requiredWords(phraseRegex(['i will (?:fix|sort|chase)']).source)
        ?.map((i) => i.text)
        .sort(),
    ).toEqual(['chase', 'fix', 'sort']);
    // A frequent word is still better than testing the list on every sentence.
    expect(requiredWords(phraseRegex(['i will (?:\\S+ )?do']).source)?.map((i) => i.text)).toEqual(['will']);
  });

  it('reads the words inside a token that carries punctuation', () => {
    const index = createPhraseIndex();
    const phrase = index.add(phraseRegex(['oh (?:no|dear)']));
    expect(index.triggered(['oh', 'no.', 'there', 'is'])[phrase.id]).toBe(1);
    expect(index.triggered(['#oh', 'dear'])[phrase.id]).toBe(1);
  });

  it('never rules out a sentence that the full expression matches', () => {
    let checked = 0;
    for (const text of corpus) {
      for (const sentence of analyseText(text, { sentiment: true }).sentences) {
        for (const phrase of allPhrases()) {
          phrase.regex.lastIndex = 0;
          const matches = phrase.regex.test(sentence.norm);
          phrase.regex.lastIndex = 0;
          if (matches) {
            checked += 1;
            expect(
              mayMatch(phrase, sentence),
              `${phrase.regex.source.slice(0, 60)} on "${sentence.norm}"`,
            ).toBe(true);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('skips most lists for an ordinary sentence', () => {
    const [sentence] = analyseText('The parcel left our warehouse on Tuesday.', {
      sentiment: false,
    }).sentences;
    const candidates = allPhrases().filter((phrase) => mayMatch(phrase, sentence!));
    expect(candidates.length).toBeLessThan(allPhrases().length / 2);
  });
});

describe('fast twins of phrase lists', () => {
  it('gives a twin opening with \\b to a list whose matches open with a letter or digit', () => {
    const twin = fastTwin(phraseRegex(['(?:so )?sorry', '24 hours', 'i (?:have )?refunded']));
    expect(twin?.source.startsWith('\\b(?:')).toBe(true);
    expect(twin?.flags).toBe('g');
    expect(twin?.exec('oh i have refunded it')?.[0]).toBe('i have refunded');
  });

  it('keeps the list as it is where a match may open with anything else', () => {
    expect(fastTwin(phraseRegex(["'ve sent", 'sorry']))).toBeNull();
    expect(fastTwin(phraseRegex(['\\S+ sorry']))).toBeNull();
    expect(fastTwin(phraseRegex(['\\d+ days']))).toBeNull();
    expect(fastTwin(phraseRegex(['(?:very )?']))).toBeNull();
    expect(fastTwin(phraseRegex(['sorry'], 'i'))).toBeNull();
    expect(fastTwin(/sorry/)).toBeNull();
  });
});
