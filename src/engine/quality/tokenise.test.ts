import { describe, expect, it } from 'vitest';
import { tokenise } from './tokenise.js';

// Each case is what wink-nlp's English lite model reads (checked against it when written; the full
// comparison on real text is bench/compare-reader.ts): "normal/type" per token.
const read = (text: string): string => {
  const { normals, types } = tokenise(text, { normals: [], types: [] });
  return normals.map((normal, i) => `${normal}/${types[i]}`).join(' ');
};

describe('tokenise', () => {
  it('expands contractions into their normals, in any case and with a curly apostrophe', () => {
    expect(read("can't won't it's don't")).toBe(
      'can/word not/word will/word not/word it/word is/word do/word not/word',
    );
    expect(read("ISN'T Can't CANNOT it’s")).toBe(
      'is/word not/word can/word not/word can/word not/word it/word is/word',
    );
    // wink keeps "i'm" whole; the engine's phrase lists follow wink.
    expect(read("I'm")).toBe("i'm/word");
  });

  it("splits a possessive 's from its noun and leaves it for the engine to read", () => {
    expect(read("the customer's dog's")).toBe("the/word customer/word 's/word dog/word 's/word");
    expect(read("'quote' o'clock")).toBe("'/punctuation quote/word '/punctuation o'clock/word");
  });

  it('reads emails, urls, mentions and hashtags as one token each', () => {
    expect(read('mail jo.smith@example.co.uk or see https://example.com/help?x=1')).toBe(
      'mail/word jo.smith@example.co.uk/email or/word see/word https://example.com/help?x=1/url',
    );
    expect(read('@support #refund')).toBe('@support/mention #refund/hashtag');
  });

  it('reads times, ordinals, decades and numbers with separators', () => {
    expect(read('at 10:30am or 7pm or 14:00')).toBe(
      'at/word 10:30am/time or/word 7pm/time or/word 14:00/number',
    );
    expect(read('the 1st, 22nd and 3rd')).toBe(
      'the/word 1st/ordinal ,/punctuation 22nd/ordinal and/word 3rd/ordinal',
    );
    expect(read('1,250.50 3-5 12/05/2024 -4 90s')).toBe(
      '1,250.50/number 3-5/number 12/05/2024/number -4/number 90s/decade',
    );
  });

  it('splits currency signs from amounts', () => {
    expect(read('£74.99 and $5 and 20€')).toBe(
      '£/currency 74.99/number and/word $/currency 5/number and/word 20/number €/currency',
    );
  });

  it('reads emoji and emoticons', () => {
    expect(read('thanks 😀 :) :-( <3')).toBe('thanks/word 😀/emoji :)/emoticon :-(/emoticon <3/emoticon');
  });

  it('keeps hyphenated words whole only when known or with a kept prefix or suffix', () => {
    expect(read('well-known e-mail re-sent co-operate self-service')).toBe(
      'well/word -/punctuation known/word e-mail/word re-sent/word co-operate/word self/word -/punctuation service/word',
    );
  });

  it('reads ASR markers as brackets around a word', () => {
    expect(read('[noise] um <unk> hello')).toBe(
      '[/punctuation noise/word ]/punctuation um/word </symbol unk/word >/symbol hello/word',
    );
  });

  it('keeps abbreviations with their full stops and splits a full stop after a word', () => {
    expect(read('U.S.A. e.g. Mr. Dr. done.')).toBe(
      'u.s.a./word e.g./word mr./word dr./word done/word ./punctuation',
    );
    expect(read('(hello) "yes" ok?!')).toBe(
      '(/punctuation hello/word )/punctuation "/punctuation yes/word "/punctuation ok/word ?/punctuation !/punctuation',
    );
  });

  it('gives the spellings wink maps their American normal, capitalised or not', () => {
    expect(read('Harbour fibre colour apologise')).toBe('harbor/word fiber/word color/word apologize/word');
    expect(read('Yeah')).toBe('yeah/word');
  });

  it('appends to the arrays it is given and splits at every kind of space', () => {
    const into = { normals: ['x'], types: ['word'] };
    tokenise('a\u00a0b  c\td', into);
    expect(into.normals).toEqual(['x', 'a', 'b', 'c', '\t', 'd']);
    expect(into.types).toEqual(['word', 'word', 'word', 'word', 'tabCRLF', 'word']);
  });

  it('reads a piece met before as it read it the first time', () => {
    // Kept readings must not leak from one piece or one call into another: each text reads the same
    // whether its pieces are new or were met before, in any order.
    const pieces = ['Harbour', 'harbour', 'you.', 'Zorblax,', 'zorblax', 'a.', "Can't"];
    const fresh = pieces.map((piece) => read(piece));
    expect(fresh).toEqual([
      'harbor/word',
      'harbor/word',
      'you/word ./punctuation',
      'zorblax/word ,/punctuation',
      'zorblax/word',
      'a./word',
      'can/word not/word',
    ]);
    expect([...pieces].reverse().map((piece) => read(piece))).toEqual([...fresh].reverse());
    expect(read(pieces.join(' '))).toBe(fresh.join(' '));
  });

  it('reads a piece cut by pattern by the tokens before it, whether it was met before or not', () => {
    // A token cut out of a mixed piece takes the type of the same token met earlier in the text:
    // "2009" alone is a number, inside "rvb.22.2009.05" a word, unless a number "2009" came first.
    const alone = 'rvb/word ./punctuation 22/number ./punctuation 2009/word ./punctuation 05/word';
    const afterNumber = alone.replace('2009/word', '2009/number');
    for (let round = 0; round < 2; round += 1) {
      expect(read('rvb.22.2009.05')).toBe(alone);
      expect(read('2009 rvb.22.2009.05')).toBe(`2009/number ${afterNumber}`);
      expect(read('rvb.22.2009.05 rvb.22.2009.05')).toBe(`${alone} ${alone}`);
      expect(read('2009 rvb.22.2009.05')).toBe(`2009/number ${afterNumber}`);
    }
    // Postcodes and prices, read the same again and after other text.
    for (let round = 0; round < 2; round += 1) {
      expect(read('G12 8QQ.')).toBe('g12/word 8/number qq/word ./punctuation');
      expect(read('£67.00 refunded £67.00')).toBe(
        '£/currency 67.00/number refunded/word £/currency 67.00/number',
      );
    }
  });
});

describe('tokenise: words with an apostrophe', () => {
  const read = (text: string) => tokenise(text, { normals: [], types: [] });

  it('reads a letters-apostrophe-letters piece as one lower-cased word', () => {
    expect(read("I'm here")).toEqual({ normals: ["i'm", 'here'], types: ['word', 'word'], lower: true });
    expect(read('I’m ok')).toEqual({ normals: ['i’m', 'ok'], types: ['word', 'word'], lower: true });
  });

  it('still cuts off a final "\'s" and a currency code', () => {
    expect(read("month's").normals).toEqual(['month', "'s"]);
    expect(read("GBP'd").normals).not.toEqual(["gbp'd"]);
  });
});

describe('tokenise: whether the normals are lower-case already', () => {
  const read = (text: string) => tokenise(text, { normals: [], types: [] });

  it('says so when every normal is its own lower case, read afresh or kept', () => {
    for (let round = 0; round < 2; round += 1) {
      expect(read('Hello there, WORLD. 12 items!').lower).toBe(true);
      expect(read("I can't").lower).toBe(true);
    }
  });

  it('says not when a normal keeps capitals, read afresh or kept', () => {
    for (let round = 0; round < 2; round += 1) {
      const smile = read('great :D thanks');
      expect(smile.normals).toContain(':D');
      expect(smile.lower).toBe(false);
      expect(read('Scarlett').lower).toBe(false);
    }
  });
});
