import { describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { winkNegationCues } from './lexicons/wink-negation-cues.js';
import { winkSentimentExpressions } from './lexicons/wink-sentiment-expressions.js';
import { readFeeling } from './read-feeling.js';

const values = new Map(winkSentimentExpressions);
const valueOf = (expression: string): number => {
  const value = values.get(expression);
  if (value === undefined) throw new Error(`"${expression}" is not in the lexicon`);
  return value / 1e3;
};

// Space-separated tokens, every one a word unless the types say otherwise.
const read = (text: string, types: Record<number, string> = {}) => {
  const normals = text.split(' ');
  return readFeeling(
    normals,
    normals.map((_, i) => types[i] ?? 'word'),
  );
};

describe('readFeeling', () => {
  it('reads nothing from an empty sentence or one without feeling', () => {
    expect(readFeeling([], [])).toEqual({ sentiment: 0, negated: [] });
    expect(read('the parcel is at the depot')).toEqual({ sentiment: 0, negated: [] });
  });

  it('averages the values of the expressions found', () => {
    expect(read('good').sentiment).toBe(valueOf('good'));
    expect(read('the food was good but the room was bad').sentiment).toBeCloseTo(
      (valueOf('good') + valueOf('bad')) / 2,
      12,
    );
  });

  it('negates what follows a cue up to the next entry of the negation list', () => {
    // The comma ends the scope of "not", so "good" keeps its own sign.
    const feeling = read('i am not happy with it , good');
    expect(feeling.negated).toEqual([3, 4, 5]);
    expect(feeling.sentiment).toBeCloseTo((-valueOf('happy') + valueOf('good')) / 2, 12);
    // A second cue ends the first one's scope and opens its own.
    expect(read('not good and not bad').negated).toEqual([1, 2, 4]);
  });

  it('runs a scope to the sentence end and over punctuation, emoji and emoticons without negating them', () => {
    expect(read('never happy :) " really happy', { 2: 'emoticon', 3: 'punctuation' }).negated).toEqual([
      1, 4, 5,
    ]);
  });

  it('reads a multi-token cue as one and leaves out the expressions the list only ends scopes with', () => {
    expect(read('i failed to get a good answer').negated).toEqual([3, 4, 5, 6]);
    // "not only" is on the list but drops out: it negates nothing and ends no scope.
    expect(read('not only that').negated).toEqual([]);
    expect(winkNegationCues).toContainEqual(['not only', 0]);
  });

  it('takes the longest expression, falling back to the longest one that matched', () => {
    expect(read('bad food quality').sentiment).toBe(valueOf('bad food quality'));
    expect(read('bad food here').sentiment).toBe(valueOf('bad'));
  });

  it('reads intensified expressions as the lexicon lists them', () => {
    expect(read('very happy').sentiment).toBe(valueOf('very happy'));
    // "very good" is not listed: only "good" counts.
    expect(read('very good').sentiment).toBe(valueOf('good'));
  });

  it('lets an expression worth 0 hide the words it covers', () => {
    expect(valueOf('kind of')).toBe(0);
    expect(read('kind of').sentiment).toBe(0);
    // Matched and then dropped, not counted as a 0 in the mean.
    expect(read('kind of good').sentiment).toBe(valueOf('good'));
    expect(read('kind').sentiment).toBe(valueOf('kind'));
  });

  it('reads emoticons and emoji, upper-case emoticons by their lower-cased normal', () => {
    expect(read(':)', { 0: 'emoticon' }).sentiment).toBe(valueOf(':)'));
    // wink keeps ":D" upper-case as its normal; the engine lower-cases every normal.
    expect(read(':d', { 0: 'emoticon' }).sentiment).toBe(valueOf(':d'));
    expect(read('sent 👍', { 1: 'emoji' }).sentiment).toBe(valueOf('👍'));
  });

  it('counts an expression against the sentence when its first token is negated', () => {
    expect(read('not bad food quality').sentiment).toBe(-valueOf('bad food quality'));
  });

  it('steps over a bare line break inside an expression', () => {
    expect(readFeeling(['bad', '\n', 'food', 'quality'], ['word', 'tabCRLF', 'word', 'word']).sentiment).toBe(
      valueOf('bad food quality'),
    );
  });
});

describe('readFeeling against wink-nlp', () => {
  const plain = winkNLP(model, []);
  const feeling = winkNLP(model, ['negation', 'sentiment']);
  const its = feeling.its;
  const compare = (sentence: string): void => {
    const tokens = plain.readDoc(sentence).tokens();
    const normals = (tokens.out(its.normal) as string[]).map((normal) => normal.toLowerCase());
    const ours = readFeeling(normals, tokens.out(its.type) as string[]);
    const doc = feeling.readDoc(sentence);
    const flags = doc.tokens().out(its.negationFlag) as unknown as boolean[];
    expect(ours.negated, sentence).toEqual(flags.flatMap((flag, i) => (flag ? [i] : [])));
    expect(ours.sentiment, sentence).toBeCloseTo(doc.out(its.sentiment) as unknown as number, 12);
  };
  const sentences = [
    "I can't say I'm happy with this, it's not good at all!",
    'Never again :( the worst service ever, no good',
    'I am not sure if it is fixed but thanks anyway 👍',
    'Without doubt the best help I have had. Great job!!',
    "It's kind of ok, not only slow but also broken",
    'I was not\nhappy',
  ];
  it.each(sentences)('reads %j as wink does', compare);

  // Real text seldom strings expressions together; these sentences pack them tight, cut multi-word
  // expressions short (so the longest match has to fall back) and mix in cues and punctuation.
  it('reads dense sentences made of the lists themselves as wink does', () => {
    let seed = 11;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const multiWord = winkSentimentExpressions.filter(([text]) => text.includes(' '));
    const fillers = ['the', 'it', 'was', 'and', 'very', 'really', ',', '.', '!', ':)', '😀', 'quite'];
    for (let n = 0; n < 1500; n += 1) {
      const pieces: string[] = [];
      const length = 2 + Math.floor(next() * 8);
      for (let k = 0; k < length; k += 1) {
        const roll = next();
        if (roll < 0.3) pieces.push(pick(winkSentimentExpressions)[0]);
        else if (roll < 0.55) {
          const words = pick(multiWord)[0].split(' ');
          pieces.push(words.slice(0, 1 + Math.floor(next() * words.length)).join(' '));
        } else if (roll < 0.75) pieces.push(pick(winkNegationCues)[0]);
        else pieces.push(pick(fillers));
      }
      compare(pieces.join(' '));
    }
  });
});
