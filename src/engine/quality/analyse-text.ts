import { isJsSpace } from './is-js-space.js';
import { isPlainLower } from './is-plain-lower.js';
import { markSpokenSentences } from './mark-spoken-sentences.js';
import { readFeeling } from './read-feeling.js';
import { tokenise, type TokenOutput } from './tokenise.js';
import { splitAtContrast, weighContrast } from './weigh-contrast.js';

export type Sentence = {
  // Lower-cased token normals joined by single spaces: contractions arrive expanded
  // ("can't" -> "can not"), so every phrase list matches one spelling instead of five.
  norm: string;
  first: number;
  last: number;
  words: number;
  question: boolean;
  sentiment: number;
  // Token indexes (within the turn) inside a negation's scope, as wink marks them (read-feeling.ts).
  negated: readonly number[];
  tokens: readonly string[];
  // Which phrase lists could match this sentence, filled in on first use (see phrase-index.ts), and
  // what each list found here: several criteria ask the same list about the same sentence.
  cache: {
    index?: object;
    hits?: Uint8Array;
    // The lists' answers are bits of hits (find-phrase.ts); the un-negated matches found sit here.
    affirmed?: (RegExpExecArray | undefined)[];
    // Its content words, stemmed (see content-words.ts).
    contentWords?: readonly string[];
    // Whether the phrase lists' fast twins read it as the lists do (find-phrase.ts).
    twinsRead?: boolean;
  };
};

export type TextAnalysis = {
  norm: string;
  tokens: readonly string[];
  types: readonly string[];
  sentences: readonly Sentence[];
  wordCount: number;
  // The turn's content words, worked out on first use (see content-words.ts).
  cache: { contentWords?: Set<string> };
};

const SENTENCE_END = new Set(['.', '!', '?', '...', '…', '?!', '!?']);
// Greetings and fillers are skipped: "hi , can I have my PAC code" is still a question.
// Speech adds up to two unpunctuated lead-ins: "okay and what is the bill amount".
const INTERROGATIVE_START =
  /^(?:(?:(?:hi|hello|hey|ok|okay|so|and|but|also|um|well|right|sorry|please|excuse me|quick question)(?: [a-z]+)? ,? )|(?:(?:ok|okay|alright|and|so|yes|yeah|sure|great|perfect|right|well|now|oh) ){1,2})?(?:can|could|would|will|do|does|did|is|are|was|were|have|has|should|may|what|which|when|where|who|whom|why|how)(?=\s|$)/;

// The words INTERROGATIVE_START can open with: a sentence whose first word is none of them cannot
// match, so most sentences skip the regex.
const QUESTION_OPENERS = new Set(
  'hi hello hey ok okay so and but also um well right sorry please excuse quick alright yes yeah sure great perfect now oh can could would will do does did is are was were have has should may what which when where who whom why how'.split(
    ' ',
  ),
);
const isLowerLetter = (code: number): boolean => code >= 97 && code <= 122;
// ASCII white space; beyond ASCII every character is let through to the regex, whose \s knows more.
const mayFollowOpener = (code: number): boolean => code === 32 || (code >= 9 && code <= 13) || code > 0x7f;
// The leading run of a-z letters is a word INTERROGATIVE_START opens with, ending the text or followed
// by white space (every opening alternative demands one of the two).
const mayOpenQuestion = (norm: string): boolean => {
  let end = 0;
  while (end < norm.length && isLowerLetter(norm.charCodeAt(end))) end += 1;
  if (end === 0 || (end < norm.length && !mayFollowOpener(norm.charCodeAt(end)))) return false;
  return QUESTION_OPENERS.has(norm.slice(0, end));
};

const isWordType = (type: string): boolean =>
  type === 'word' ||
  type === 'number' ||
  type === 'email' ||
  type === 'hashtag' ||
  type === 'ordinal' ||
  type === 'time';

// Every field the criteria fill in later is there from the start, in one order: added one by one,
// in whichever order the criteria happen to ask, each addition moved the object to a new shape.
const newSentenceCache = (): Sentence['cache'] => ({
  index: undefined,
  hits: undefined,
  affirmed: undefined,
  contentWords: undefined,
  twinsRead: undefined,
});

// A sentence of the turn's tokens first..last, whose norm is turnNorm's stretch from `from` (the
// turn's tokens joined by single spaces: one join a turn rather than one a sentence and another for
// the turn, as joining costs by the token).
const makeSentence = (
  tokens: readonly string[],
  types: readonly string[],
  first: number,
  last: number,
  sentiment: number,
  negated: readonly number[],
  turnNorm: string,
  from: number,
): Sentence => {
  let words = 0;
  let hasQuestionMark = false;
  let to = from - 1;
  for (let i = first; i <= last; i += 1) {
    const token = tokens[i]!;
    to += token.length + 1;
    if (isWordType(types[i]!)) words += 1;
    else if (!hasQuestionMark && token.includes('?')) hasQuestionMark = true;
  }
  const whole = first === 0 && last === tokens.length - 1;
  const own = whole ? tokens : tokens.slice(first, last + 1);
  const norm = whole ? turnNorm : turnNorm.slice(from, to);
  // Chat customers often drop the question mark; a short sentence opening like a question is one.
  const question =
    hasQuestionMark || (words <= 20 && mayOpenQuestion(norm) && INTERROGATIVE_START.test(norm));
  return { norm, first, last, words, question, sentiment, negated, tokens: own, cache: newSentenceCache() };
};

// A numbered list item ("1." or "2)") ends in punctuation but is not a sentence of its own.
const isListMarker = (
  tokens: readonly string[],
  types: readonly string[],
  start: number,
  at: number,
): boolean => at === start + 1 && types[start] === 'number' && (tokens[start]?.length ?? 0) <= 2;

const FULL_STOP = 46;
const EXCLAMATION_MARK = 33;
const QUESTION_MARK = 63;
const ELLIPSIS = 0x2026;
// Every sentence end opens with one of . ! ? …: most tokens are told apart by their first character
// without a lookup.
const isSentenceEnd = (token: string): boolean => {
  if (token.length > 3) return false;
  const code = token.charCodeAt(0);
  if (code !== FULL_STOP && code !== EXCLAMATION_MARK && code !== QUESTION_MARK && code !== ELLIPSIS)
    return false;
  return SENTENCE_END.has(token);
};

const splitPlain = (tokens: readonly string[], types: readonly string[], turnNorm: string): Sentence[] => {
  const sentences: Sentence[] = [];
  let start = 0;
  // Where token i, and the sentence from `start`, begin in turnNorm.
  let at = 0;
  let startAt = 0;
  for (let i = 0; i < tokens.length; at += tokens[i]!.length + 1, i += 1) {
    const token = tokens[i]!;
    const closing = token === ')';
    if (!closing && !isSentenceEnd(token)) continue;
    if (closing || isListMarker(tokens, types, start, i)) {
      if (isListMarker(tokens, types, start, i)) {
        start = i + 1;
        startAt = at + token.length + 1;
      }
      continue;
    }
    // Swallow a run of closing punctuation ("?!", "...") into the same sentence.
    while (i + 1 < tokens.length && isSentenceEnd(tokens[i + 1]!)) {
      at += tokens[i]!.length + 1;
      i += 1;
    }
    sentences.push(makeSentence(tokens, types, start, i, 0, [], turnNorm, startAt));
    start = i + 1;
    startAt = at + tokens[i]!.length + 1;
  }
  if (start < tokens.length)
    sentences.push(makeSentence(tokens, types, start, tokens.length - 1, 0, [], turnNorm, startAt));
  return sentences;
};

// Line breaks separate sentences in emails and pasted lists even when no full stop does; the
// tokeniser would otherwise keep the break itself as a token.
const LINE_BREAK = /([^.!?:;,\s])[ \t]*(?:\r?\n)+/g;
const ANY_BREAK = /\s*(?:\r?\n)+\s*/g;
const CURLY_QUOTE = /[\u2018\u2019\u02bc]/g;

const NEEDS_PREPARING = /[\u2018\u2019\u02bc\n]/;

// Unpunctuated speech gets its likely sentence boundaries marked (see mark-spoken-sentences.ts).
export const prepareText = (text: string): string =>
  markSpokenSentences(
    NEEDS_PREPARING.test(text)
      ? text.replace(CURLY_QUOTE, "'").replace(LINE_BREAK, '$1. ').replace(ANY_BREAK, ' ')
      : text,
  );

// The tokeniser expands "it's" (as wink does) but leaves "internet's" as a separate "'s"; reading it
// as "has" or "is" from the next word lets one phrase list cover "the internet has been down" and
// "internet's been down".
const HAS_NEXT = new Set([
  'been',
  'got',
  'gone',
  'had',
  'taken',
  'stopped',
  'started',
  'changed',
  'moved',
  'arrived',
  'come',
  'happened',
  'dropped',
  'doubled',
  'disappeared',
  'left',
  'never',
  'already',
  'just',
]);
const IS_NEXT = new Set([
  'not',
  'still',
  'down',
  'up',
  'out',
  'broken',
  'wrong',
  'late',
  'fine',
  'working',
  'here',
  'there',
  'ok',
  'okay',
  'now',
  'also',
  'really',
  'so',
  'very',
  'too',
  'missing',
  'gone',
  'showing',
  'back',
  'dead',
  'off',
  'on',
  'due',
  'meant',
  'supposed',
  'going',
  'all',
  'in',
  'at',
  'stuck',
  'different',
  'correct',
  'right',
  'done',
  'sorted',
  'fixed',
]);

// Normals are nearly always lower-case already (tokenise.ts lower-cases all but a few lexicon
// entries, and says when a call's normals all are, so this pass is skipped); keeping the string then
// keeps its hash, so every later Set and Map lookup of the token skips hashing a fresh copy.
const lowerCase = (values: string[]): string[] => {
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] ?? '';
    if (isPlainLower(value)) continue;
    const lower = value.toLowerCase();
    if (lower !== value) values[i] = lower;
  }
  return values;
};

const readApostropheS = (values: string[]): string[] => {
  for (let i = 1; i < values.length; i += 1) {
    if (values[i] !== "'s") continue;
    const next = values[i + 1] ?? '';
    if (HAS_NEXT.has(next)) values[i] = 'has';
    else if (IS_NEXT.has(next)) values[i] = 'is';
  }
  return values;
};

// Sentence ends in raw text: terminal punctuation followed by space, except after the abbreviations
// that most often carry a full stop in support messages.
const ABBREVIATION =
  /(?:^|\s)(?:mr|mrs|ms|dr|st|no|vs|etc|e\.g|i\.e|approx|ref|tel|inc|ltd|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$/i;

// Most turns hold one sentence: without an end followed by more text there is nothing to split.
const ANY_SENTENCE_END = /[.!?…]\s+\S/;

const isSentenceEndMark = (code: number): boolean =>
  code === 46 || code === 33 || code === 63 || code === 0x2026;

// Cuts at every run of white space that follows . ! ? or … and precedes more text, as
// text.split(/(?<=[.!?…])\s+(?=\S)/) would, by one scan of character codes: the expression, with its
// lookbehind, is tried at every position of the text.
const splitAtSentenceEnds = (text: string): string[] => {
  const pieces: string[] = [];
  let from = 0;
  for (let i = 0; i + 1 < text.length; i += 1) {
    if (!isSentenceEndMark(text.charCodeAt(i)) || !isJsSpace(text.charCodeAt(i + 1))) continue;
    let next = i + 2;
    while (next < text.length && isJsSpace(text.charCodeAt(next))) next += 1;
    if (next === text.length) break;
    pieces.push(text.slice(from, i + 1));
    from = next;
    i = next - 1;
  }
  pieces.push(text.slice(from));
  return pieces;
};

export const splitRawSentences = (text: string): string[] => {
  if (!ANY_SENTENCE_END.test(text)) return text.trim() === '' ? [] : [text];
  const pieces: string[] = [];
  for (const piece of splitAtSentenceEnds(text)) {
    const last = pieces.length - 1;
    if (last >= 0 && ABBREVIATION.test(pieces[last]!)) pieces[last] = `${pieces[last]} ${piece}`;
    else if (piece.trim() !== '') pieces.push(piece);
  }
  return pieces;
};

// Agent and bot turns need only tokens and types: the engine's own tokeniser reads them.
const analysePlain = (prepared: string): TextAnalysis => {
  const read = tokenise(prepared, { normals: [], types: [] });
  const tokens = readApostropheS(read.lower === true ? read.normals : lowerCase(read.normals));
  const turnNorm = tokens.join(' ');
  return finish(tokens, read.types, splitPlain(tokens, read.types, turnNorm), turnNorm);
};

// A sentence's tokens, lower-cased: read-feeling.ts takes them before "'s" is read as "has" or "is",
// as wink's sentiment and negation passes saw them.
const readTokens = (text: string): TokenOutput => {
  const read = tokenise(text, { normals: [], types: [] });
  // The tokeniser says when its normals are all lower-case already, as they nearly always are.
  if (read.lower !== true) lowerCase(read.normals);
  return read;
};

const sentimentOf = (text: string): number => {
  const { normals, types } = readTokens(text);
  return readFeeling(normals, types).sentiment;
};

// Customer text is split into sentences here (splitRawSentences) and each is read for its feeling
// alone, so negation stays inside its sentence.
const analyseFeeling = (prepared: string): TextAnalysis => {
  const reads: TokenOutput[] = [];
  const scores: number[] = [];
  const negations: number[][] = [];
  for (const piece of splitRawSentences(prepared)) {
    const read = readTokens(piece);
    if (read.normals.length === 0) continue;
    const feeling = readFeeling(read.normals, read.types);
    // In place, after readFeeling, which reads "'s" as it was written.
    readApostropheS(read.normals);
    const contrast = splitAtContrast(piece);
    scores.push(
      contrast ? weighContrast(sentimentOf(contrast.before), sentimentOf(contrast.after)) : feeling.sentiment,
    );
    negations.push(feeling.negated);
    reads.push(read);
  }
  // Most turns are one sentence, whose arrays are the turn's.
  const tokens = reads.length === 1 ? reads[0]!.normals : reads.flatMap((read) => read.normals);
  const types = reads.length === 1 ? reads[0]!.types : reads.flatMap((read) => read.types);
  const turnNorm = tokens.join(' ');
  const sentences: Sentence[] = [];
  let first = 0;
  let from = 0;
  for (let k = 0; k < reads.length; k += 1) {
    const negated = negations[k]!;
    for (let i = 0; i < negated.length; i += 1) negated[i]! += first;
    const last = first + reads[k]!.normals.length - 1;
    const sentence = makeSentence(tokens, types, first, last, scores[k]!, negated, turnNorm, from);
    sentences.push(sentence);
    first = last + 1;
    from += sentence.norm.length + 1;
  }
  return finish(tokens, types, sentences, turnNorm);
};

export const analyseText = (text: string, options: { sentiment: boolean }): TextAnalysis => {
  const prepared = prepareText(text);
  return options.sentiment ? analyseFeeling(prepared) : analysePlain(prepared);
};

// turnNorm is every token joined by single spaces; the turn's norm leaves out tokens no sentence
// holds (a list marker), so it is that only when the sentences hold every token.
const finish = (tokens: string[], types: string[], sentences: Sentence[], turnNorm: string): TextAnalysis => {
  // Sentences follow one another and have counted their own words; only tokens between them (a
  // list marker) are left to count.
  let wordCount = 0;
  let next = 0;
  let outside = 0;
  for (const sentence of sentences) {
    for (; next < sentence.first; next += 1, outside += 1) if (isWordType(types[next]!)) wordCount += 1;
    wordCount += sentence.words;
    next = sentence.last + 1;
  }
  for (; next < types.length; next += 1, outside += 1) if (isWordType(types[next]!)) wordCount += 1;
  const norm = outside === 0 ? turnNorm : sentences.map((s) => s.norm).join(' ');
  return { norm, tokens, types, sentences, wordCount, cache: { contentWords: undefined } };
};
