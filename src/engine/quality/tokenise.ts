import { isPlainLower } from './is-plain-lower.js';
import lexiconData from './token-lexicon.json' with { type: 'json' };
import { createTextTable, HASH_START, hashStep, hashText } from './text-table.js';

// The engine's tokeniser: reads text into the token normals and types wink-nlp's English lite model
// gives, without loading wink. The rules are wink's (learnt from its behaviour and its documented
// patterns); the facts that depend on its lexicon (contractions and their expansions, spellings it
// maps, emoticons, abbreviations and hyphenated words it keeps whole) come from token-lexicon.json,
// extracted from the model by tools/lexicon/extract-token-lexicon.ts.
//
// Text splits at spaces; most pieces are a plain word, a word with one punctuation mark after it, or
// a lexicon entry, and are read by character tests. The rest (urls, emails, hyphens, times, pieces
// with punctuation on both sides...) go through wink's order of pattern rules, which are regular
// expressions: rare enough that their cost does not show.
//
// Where this reading can differ from wink: wink adds every unknown piece it meets to its lexicon for
// the rest of the process, so a piece first met whole can later be looked up whole, and a later
// reading of the same text can depend on what the process read before. Pieces made of letters are
// read alike either way; the rest differ only when such a piece was seen earlier whole and then
// arrives inside a longer piece (see bench/compare-reader.ts for what that leaves).

type Entry = readonly [readonly string[], readonly string[]];
const LEXICON = new Map<string, Entry>(Object.entries(lexiconData as unknown as Record<string, Entry>));

// `lower`, set by tokenise, says every normal the call added is its own lower case already, so the
// caller need not lower-case them (analyse-text.ts): nearly every normal comes from a kept reading
// or is a word of a-z, whose case is known without looking at it again.
export type TokenOutput = { normals: string[]; types: string[]; lower?: boolean };

let out: TokenOutput = { normals: [], types: [] };
// Where this call's tokens start in `out`.
let callStart = 0;
// Whether every normal this call pushed is its own lower case.
let allLower = true;

// As analyse-text.ts's lower-casing tests it: a text it would leave as it is.
const isOwnLowerCase = (text: string): boolean => isPlainLower(text) || text.toLowerCase() === text;

// A normal whose case is known to be lower already.
const pushLower = (normal: string, type: string): void => {
  out.normals.push(normal);
  out.types.push(type);
};

const push = (normal: string, type: string): void => {
  if (allLower && !isOwnLowerCase(normal)) allLower = false;
  pushLower(normal, type);
};

const pushEntry = (entry: Entry): void => {
  const [normals, types] = entry;
  for (let i = 0; i < normals.length; i += 1) push(normals[i]!, types[i]!);
};

// An entry whose case the caller has accounted for.
const pushEntryLower = (entry: Entry): void => {
  const [normals, types] = entry;
  for (let i = 0; i < normals.length; i += 1) pushLower(normals[i]!, types[i]!);
};

// A text the lexicon lacks takes the normal of its lower case, which may be a mapped spelling:
// "Harbour" reads as "harbor" as "harbour" does.
const pushUnknown = (text: string, type: string): void => {
  if (isPlainLower(text)) return pushLower(text, type);
  const lower = text.toLowerCase();
  const entry = lower === text ? undefined : LEXICON.get(lower);
  push(entry !== undefined && entry[0].length === 1 ? entry[0][0]! : lower, type);
};

// A token wink adds under a category of its own choosing keeps what its lexicon says of that text (a
// known lexeme has its normal and type already), otherwise its lower case and that category. A
// contraction added this way is not expanded.
const pushAdded = (text: string, type: string): void => {
  const entry = LEXICON.get(text);
  if (entry !== undefined && entry[0].length === 1) push(entry[0][0]!, entry[1][0]!);
  else pushUnknown(text, type);
};

// A token wink looks up first: a lexicon entry is read as the lexicon has it (expanding contractions).
const pushKnownOr = (text: string, type: string): void => {
  const entry = LEXICON.get(text);
  if (entry !== undefined) pushEntry(entry);
  else pushUnknown(text, type);
};

// wink adds every token it has not met to its lexicon, type and all, so a token met again later in
// the same text keeps the type it was first given: "2009" read as a number in a date stays a number
// inside "rvb.22.2009.05" where a fresh reading would call it a word. Only tokens cut out by pattern
// (readByPatterns, rare) are looked for among the text's earlier tokens.
// The piece being read records which texts it looked for among earlier tokens (`metLooked`), and
// whether one was found before the piece's own tokens (`metBeforePiece`, at or after `pieceFrom`
// the tokens are the piece's own): see readPiece, which keeps such a piece's reading.
const pushMet = (text: string, type: string): void => {
  const entry = LEXICON.get(text);
  if (entry !== undefined) return pushEntry(entry);
  metLooked.push(text);
  for (let i = callStart; i < out.normals.length; i += 1) {
    if (out.normals[i] !== text) continue;
    if (i < pieceFrom) metBeforePiece = true;
    return push(text, out.types[i]!);
  }
  pushUnknown(text, type);
};
let metLooked: string[] = [];
let metBeforePiece = false;
let pieceFrom = 0;

// Whether any of the texts is among this call's tokens before the piece now being read.
const metEarlier = (texts: readonly string[]): boolean => {
  for (let i = callStart; i < out.normals.length; i += 1) if (texts.includes(out.normals[i]!)) return true;
  return false;
};

// Only pieces with a character other than a letter can be lexemes whose reading a letter rule would
// not give; every such lexeme is in the lexicon file, so absence there means "not a lexeme".
const isLexeme = (text: string): boolean => LEXICON.has(text);

// Letters as wink's word rule counts them: ASCII, Latin-1 letters, combining marks and word joiner.
const isLetter = (code: number): boolean =>
  (code >= 97 && code <= 122) ||
  (code >= 65 && code <= 90) ||
  (code >= 0xc0 && code <= 0xff && code !== 0xd7 && code !== 0xf7) ||
  (code >= 0x300 && code <= 0x36f) ||
  code === 0x2060;

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

// The marks that may follow a word in one piece and are split from it: ’ ” " ] ) } … , . ! ; ? / :
const isRightMark = (code: number): boolean =>
  code === 0x2019 ||
  code === 0x201d ||
  code === 34 ||
  code === 93 ||
  code === 41 ||
  code === 125 ||
  code === 0x2026 ||
  code === 44 ||
  code === 46 ||
  code === 33 ||
  code === 59 ||
  code === 63 ||
  code === 47 ||
  code === 58;

const isNumberSeparator = (code: number): boolean =>
  code === 46 || code === 44 || code === 45 || code === 47 || code === 58;

// A number: an optional sign, then digit runs joined by at most one of . , - / : ("1,000", "12/05").
const isNumber = (text: string): boolean => {
  let i = text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= text.length || !isDigit(text.charCodeAt(i))) return false;
  for (; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) continue;
    if (!isNumberSeparator(code) || !isDigit(text.charCodeAt(i + 1))) return false;
  }
  return true;
};

const URL_RULE =
  /^(?:(?:(?:https?|ftp):)?\/\/)(?:\S+(?::\S*)?@)?(?:(?:(?:[a-z\u00A1-\uFFFF\d]-*)*[a-z\u00A1-\uFFFF\d]+)(?:\.(?:[a-z\u00A1-\uFFFF\d]-*)*[a-z\u00A1-\uFFFF\d]+)*(?:\.(?:[a-z\u00A1-\uFFFF]{2,})))(?::\d{2,5})?(?:[/?#]\S*)?$/i;
const EMAIL_RULE =
  /^[-!#$%&'*+/=?^\w{|}~](?:\.?[-!#$%&'*+/=?^\w`{|}~])*@[a-z0-9](?:-?\.?[a-z0-9])*(?:\.[a-z](?:-?[a-z0-9])*)+$/i;
const MENTION_RULE = /^@\w+$/;
const HASHTAG_RULE = /^#[a-z][a-z0-9]*$/i;
const EMOTICON_RULE =
  /^[:;]['’]?-?[)(]+$|^[:;]-?[\]}3>[{@oO*PpDS/|X?\\]$|^<[\\/]?3+$|^[)(]-?'?[:;]$|^\\o\/$/i;
const TIME_RULE = /^(?:\d|[01]\d|2[0-3]):?(?:[0-5][0-9])?(?:[ap]\.?m\.?|hours|hrs)$/i;
const ORDINAL_RULE =
  /^1\dth$|^[04-9]th$|^1st$|^2nd$|^3rd$|^[02-9]1st$|^[02-9]2nd$|^[02-9]3rd$|^[02-9][04-9]th$|^\d+\d[04-9]th$|^\d+\d1st$|^\d+\d2nd$|^\d+\d3rd$/;
const CURRENCY_RULE =
  /^₿+$|^₽+$|^₹+$|^₨$|^\$+$|^£+$|^¥+$|^€+$|^₩+$|^US\$$|^C\$$|^A\$$|^USD$|^AUD$|^INR$|^GBP$/i;
const PUNCTUATION_RULE = /^(?:\.{2,}|--|––)$|^[’'‘`“”"[\](){}…,.!;?/:\-–—¿¡]$/;
const SYMBOL_RULE = /^[~@#%^+=*|<>&\u00A7\u00A9\u00B1\u00F7\u00D7\u00B0]$/;
const DECADE_RULE = /^['’]?\d0s(?!['’])$|[1-2]\d\d0s$/;

const startsWithDigit = (text: string): boolean => isDigit(text.charCodeAt(0));

// wink's categories for a whole piece, in its order; 'wordRP' is a word with one mark after it. Each
// pattern is tried only when the piece has the characters it needs.
const categoryOf = (text: string): string => {
  let letters = 0;
  while (letters < text.length && isLetter(text.charCodeAt(letters))) letters += 1;
  if (letters === text.length) return 'word';
  if (letters > 0 && letters === text.length - 1 && isRightMark(text.charCodeAt(letters))) return 'wordRP';
  if (isNumber(text)) return 'number';
  const first = text.charCodeAt(0);
  if (text.includes('//') && URL_RULE.test(text)) return 'url';
  if (text.includes('@')) {
    if (EMAIL_RULE.test(text)) return 'email';
    if (MENTION_RULE.test(text)) return 'mention';
  }
  if (first === 35 && HASHTAG_RULE.test(text)) return 'hashtag';
  if (EMOTICON_START.has(first) && EMOTICON_RULE.test(text)) return 'emoticon';
  if (startsWithDigit(text)) {
    if (TIME_RULE.test(text)) return 'time';
    if (ORDINAL_RULE.test(text)) return 'ordinal';
  }
  if ((first > 127 || text.includes('$')) && CURRENCY_RULE.test(text)) return 'currency';
  if ((text.length <= 2 || first === 46) && PUNCTUATION_RULE.test(text)) return 'punctuation';
  if (text.length === 1 && SYMBOL_RULE.test(text)) return 'symbol';
  if (text.endsWith('0s') && DECADE_RULE.test(text)) return 'decade';
  return 'unk';
};

// : ; < ( ) \ open every emoticon wink knows.
const EMOTICON_START = new Set([58, 59, 60, 40, 41, 92]);

// How pushAdded reads each mark that may follow a word, worked out once: nearly every sentence ends
// in one, and reading it afresh would cut and look up a one-character string each time.
const MARK_READINGS = new Map<number, readonly [string, string]>();
const markReading = (code: number): readonly [string, string] => {
  let reading = MARK_READINGS.get(code);
  if (reading === undefined) {
    const read: TokenOutput = { normals: [], types: [] };
    const saved = out;
    out = read;
    try {
      pushAdded(String.fromCharCode(code), 'punctuation');
    } finally {
      out = saved;
    }
    reading = [read.normals[0]!, read.types[0]!];
    MARK_READINGS.set(code, reading);
  }
  return reading;
};

// A word with one mark after it splits in two, except a single letter and a full stop ("a.").
const readWordWithMark = (text: string): void => {
  if (text.length === 2 && text.charCodeAt(1) === 46) {
    pushAdded(text, 'word');
    return;
  }
  pushAdded(text.slice(0, -1), 'word');
  const [normal, type] = markReading(text.charCodeAt(text.length - 1));
  push(normal, type);
};

const readAs = (text: string, category: string): void => {
  if (category === 'wordRP') readWordWithMark(text);
  else if (category === 'unk') readMixed(text);
  else pushAdded(text, category);
};

// Punctuation that may open or close a piece, as wink strips it before reading what it encloses.
const WITH_RIGHT_MARK = /^([^‘“"[({…\-–].+?)(\.+|––|--|[’'”"…,.!;?\-–:\u0964\u0965]$|(?:'s))$/;
const WITH_LEFT_MARK = /^(––|--|[‘'“"[({…\-–])(.+?[^’'”"\])}…,.!;?\-–:\u0964\u0965])$/;
const WITH_BOTH_MARKS = /^(––|--|[‘“"[({…\-–])(.+?)(––|--|[’'”"\])}…,!;?\-–:\u0964\u0965]$|(?:'s))$/;

// A piece no single category describes: a mark stripped from either end when what it encloses is
// known or of one category, else the piece is cut by pattern (readByPatterns).
const readMixed = (text: string): void => {
  let match = WITH_RIGHT_MARK.exec(text);
  if (match !== null) {
    const [, body, mark] = match as unknown as [string, string, string];
    const entry = LEXICON.get(body);
    if (entry !== undefined) pushEntry(entry);
    else {
      const category = categoryOf(body);
      if (category === 'unk') return readByPatterns(text, 0);
      readAs(body, category);
    }
    pushAdded(mark, 'punctuation');
    return;
  }
  match = WITH_LEFT_MARK.exec(text);
  if (match !== null) {
    const [, mark, body] = match as unknown as [string, string, string];
    const category = isLexeme(body) ? 'known' : categoryOf(body);
    if (category === 'unk') return readByPatterns(text, 0);
    pushAdded(mark, 'punctuation');
    if (category === 'known') pushKnownOr(body, 'word');
    else readAs(body, category);
    return;
  }
  match = WITH_BOTH_MARKS.exec(text);
  if (match !== null) {
    const [, left, body, right] = match as unknown as [string, string, string, string];
    const category = isLexeme(body) ? 'known' : categoryOf(body);
    if (category === 'unk') return readByPatterns(text, 0);
    pushAdded(left, 'punctuation');
    if (category === 'known') pushKnownOr(body, 'word');
    else readAs(body, category);
    pushAdded(right, 'punctuation');
    return;
  }
  readByPatterns(text, 0);
};

// The patterns that cut a mixed piece, in wink's order: each pattern's matches become tokens of its
// category, and the text between them goes on to the next pattern.
const PATTERNS: readonly (readonly [RegExp, string])[] = [
  [
    /(?:(?:(?:https?|ftp):)?\/\/)(?:\S+(?::\S*)?@)?(?:(?:(?:[a-z\u00A1-\uFFFF\d]-*)*[a-z\u00A1-\uFFFF\d]+)(?:\.(?:[a-z\u00A1-\uFFFF\d]-*)*[a-z\u00A1-\uFFFF\d]+)*(?:\.(?:[a-z\u00A1-\uFFFF]{2,})))(?::\d{2,5})?(?:[/?#]\S*)?/gi,
    'url',
  ],
  [
    /[-!#$%&'*+/=?^\w{|}~](?:\.?[-!#$%&'*+/=?^\w`{|}~])*@[a-z0-9](?:-?\.?[a-z0-9])*(?:\.[a-z](?:-?[a-z0-9])*)+/gi,
    'email',
  ],
  [/@\w+/g, 'mention'],
  [/#[a-z][a-z0-9]*/gi, 'hashtag'],
  [
    /[\u{1F300}-\u{1F5FF}\u{1F900}-\u{1F9FF}\u{1F600}-\u{1F64F}\u{1F680}-\u{1F6FF}\u{2600}-\u{26FF}\u{2700}-\u{27BF}\u{1F1E6}-\u{1F1FF}\u{1F191}-\u{1F251}\u{1F004}\u{1F0CF}\u{1F170}-\u{1F171}\u{1F17E}-\u{1F17F}\u{1F18E}\u{3030}\u{2B50}\u{2B55}\u{2934}-\u{2935}\u{2B05}-\u{2B07}\u{2B1B}-\u{2B1C}\u{3297}\u{3299}\u{303D}\u{00A9}\u{00AE}\u{2122}\u{23F3}\u{24C2}\u{23E9}-\u{23EF}\u{25B6}\u{23F8}-\u{23FA}]/gu,
    'emoji',
  ],
  [/[:;]['’]?-?[)(]+|[:;]-?[\]}3>[{@oO*PpDS/|X?\\]|<[\\/]?3+|[)(]-?'?[:;]|\\o\//gi, 'emoticon'],
  [/(?:\d|[01]\d|2[0-3]):?(?:[0-5][0-9])?(?:[ap]\.?m\.?|hours|hrs)/gi, 'time'],
  [
    /1\dth|[04-9]th|1st|2nd|3rd|[02-9]1st|[02-9]2nd|[02-9]3rd|[02-9][04-9]th|\d+\d[04-9]th|\d+\d1st|\d+\d2nd|\d+\d3rd/g,
    'ordinal',
  ],
  [/₿+|₽+|₹+|₨+|\$+|£+|¥+|€+|₩+|US\$|C\$|A\$|USD|AUD|INR|GBP/g, 'currency'],
  [/['’]?\d0s(?!['’])|[1-2]\d\d0s/g, 'decade'],
  [/[‘`“”"[\](){}…!;?¿¡]/g, 'punctuation'],
  [/['’]s$/gi, 'apos'],
  [
    /[a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF][\u0300-\u036fa-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF0-9\u2060]*(?:[.\-–'’&]?[\u0300-\u036fa-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF0-9\u2060]+\.?)+/gi,
    'word',
  ],
  [/[+-]?\d+(?:[.,\-/:]?\d+)*/g, 'number'],
  [/[~@#%^+=*|<>&\u00A7\u00A9\u00B1\u00F7\u00D7\u00B0]/g, 'symbol'],
  [/(?:[a-z]\.)/gi, 'word'],
  [/(?:\.{2,}|--|––)|[-–—.'’/:,]/g, 'punctuation'],
  [/[a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]+/gi, 'word'],
];

// Which characters a text holds, for skipping the patterns it cannot match.
const HAS_DIGIT = 1;
const HAS_LETTER = 2;
const HAS_OTHER = 4; // beyond ASCII: emoji, curly quotes, currency signs, Latin-1 letters
const kindsOf = (text: string): number => {
  let kinds = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) kinds |= HAS_DIGIT;
    else if ((code | 32) >= 97 && (code | 32) <= 122) kinds |= HAS_LETTER;
    else if (code > 127) kinds |= HAS_OTHER;
  }
  return kinds;
};
const hasAny = (text: string, marks: string): boolean => {
  for (let i = 0; i < marks.length; i += 1) if (text.includes(marks[i]!)) return true;
  return false;
};

// Whether pattern `level` could match anything in the text: a cheap test of the characters each needs.
const couldMatch = (level: number, text: string, kinds: number): boolean => {
  const other = (kinds & HAS_OTHER) !== 0;
  const digit = (kinds & HAS_DIGIT) !== 0;
  switch (level) {
    case 0:
      return text.includes('//');
    case 1:
    case 2:
      return text.includes('@');
    case 3:
      return text.includes('#');
    case 4:
      return other;
    case 5:
      return hasAny(text, ':;<()\\');
    case 6:
    case 7:
    case 9:
    case 13:
      return digit;
    case 8:
      return other || hasAny(text, '$UAIG');
    case 10:
      return other || hasAny(text, '`"[](){}!;?');
    case 11:
      return text.endsWith('s') || text.endsWith('S');
    case 12:
    case 17:
      return other || (kinds & HAS_LETTER) !== 0;
    case 14:
      return other || hasAny(text, '~@#%^+=*|<>&');
    case 15:
      return text.includes('.');
    default:
      return true;
  }
};

const readByPatterns = (text: string, from: number): void => {
  let level = from;
  let unit = text;
  if (level < PATTERNS.length) {
    unit = text.trim();
    // A pattern that cannot match leaves the text whole for the next one, as wink's split does.
    const kinds = kindsOf(unit);
    while (level < PATTERNS.length && !couldMatch(level, unit, kinds)) level += 1;
    if (unit === '') return;
  }
  if (level === PATTERNS.length) {
    pushAdded(unit, 'unk');
    return;
  }
  const [pattern, category] = PATTERNS[level]!;
  const matches = unit.match(pattern) ?? [];
  const between = unit.split(pattern);
  // The unit's parts in order: text between matches goes to the next pattern, matches are tokens.
  const parts: (string | readonly [string, string])[] = [];
  for (let i = 0; i < between.length; i += 1) {
    const rest = between[i]!.trim();
    if (rest !== '') parts.push(rest);
    if (i < matches.length) {
      if (category === 'word') splitWord(matches[i]!, parts);
      else parts.push([matches[i]!, category]);
    }
  }
  for (const part of parts) {
    if (typeof part === 'string') readByPatterns(part, level + 1);
    else pushMet(part[0], part[1]);
  }
};

const SHORT_FORM_DOTS = /^(?:[A-Z]\.)+$/i;
const SHORT_FORM = /^(?:[A-Z]\.)+[a-z]?$/i;

// A word holding full stops is rebuilt piece by piece: a stop stays inside when what it closes is a
// short form ("u.s.") or a known lexeme, else it is a token of its own.
const splitWord = (word: string, parts: (string | readonly [string, string])[]): void => {
  if (isLexeme(word) || SHORT_FORM_DOTS.test(word) || !word.includes('.')) {
    if (isLexeme(word) || SHORT_FORM_DOTS.test(word)) parts.push([word, 'word']);
    else splitHyphens(word, parts);
    return;
  }
  const pieces = word.split('.');
  let built = '';
  for (let i = 0; i < pieces.length; i += 1) {
    const next = built + pieces[i]!;
    if (built === '' || SHORT_FORM.test(next) || (next.length > 2 && isLexeme(next))) built = next;
    else {
      splitHyphens(built, parts);
      built = pieces[i]!;
    }
    if (i < pieces.length - 1) {
      const withStop = `${built}.`;
      if (SHORT_FORM.test(withStop) || (withStop.length > 2 && isLexeme(withStop))) built = withStop;
      else {
        splitHyphens(built, parts);
        parts.push(['.', 'punctuation']);
        built = '';
      }
    }
  }
  if (built !== '') splitHyphens(built, parts);
};

const HYPHEN = /[-–—]/g;

const hyphenPrefixes = (...words: string[]): Set<string> =>
  new Set(words.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]));
// Prefixes and suffixes that keep a hyphenated word whole ("co-operate", "self-less" is split).
const KEPT_PREFIXES = hyphenPrefixes(
  ...'e a u x anti agro be bi bio co counter cross cyber de eco ex extra inter intra macro mega micro mid mini multi neo non over pan para peri post pre pro pseudo quasi re semi sub super tri ultra un uni vice'.split(
    ' ',
  ),
);
const KEPT_SUFFIXES = new Set(
  'esque fest fold gate itis less most rama wise'.split(' ').flatMap((w) => [w, w.toUpperCase()]),
);

const splitHyphens = (word: string, parts: (string | readonly [string, string])[]): void => {
  const hyphens = word.match(HYPHEN);
  if (isLexeme(word) || /[0-9]/.test(word) || hyphens === null) {
    parts.push([word, 'word']);
    return;
  }
  const words = word.split(HYPHEN);
  if (KEPT_PREFIXES.has(words[0]!) || KEPT_SUFFIXES.has(words[words.length - 1]!)) {
    parts.push([word, 'word']);
    return;
  }
  for (let i = 0; i < words.length; i += 1) {
    if (words[i] !== '') parts.push([words[i]!, 'word']);
    if (i < hyphens.length) parts.push([hyphens[i]!, 'punctuation']);
  }
};

const isAsciiLetter = (code: number): boolean => (code | 32) >= 97 && (code | 32) <= 122;
const isApostrophe = (code: number): boolean => code === 39 || code === 0x2019;

// ASCII letters, one apostrophe, ASCII letters, not ending in s: "I'm", "you’ll". No category takes it
// whole and no mark can be stripped from its ends, so readByPatterns would try every pattern before
// its word pattern to cut the piece as one word; the result is that one word, read here directly.
// Ending in s, "'s" may be cut off instead (the apos pattern); a currency code would be cut out.
const isApostropheWord = (text: string): boolean => {
  const last = text.charCodeAt(text.length - 1);
  if (!isAsciiLetter(last) || (last | 32) === 115) return false;
  let at = 0;
  while (at < text.length && isAsciiLetter(text.charCodeAt(at))) at += 1;
  if (at === 0 || at >= text.length - 1 || !isApostrophe(text.charCodeAt(at))) return false;
  for (at += 1; at < text.length; at += 1) if (!isAsciiLetter(text.charCodeAt(at))) return false;
  // The currency pattern, which comes first, would cut out a code such as "GBP".
  return !/USD|AUD|INR|GBP/.test(text);
};

// What a piece reads as, kept so a piece met before is read by one lookup of its stretch of the
// text (see text-table.ts), without cutting it out, hashing it and looking it up in the lexicon;
// "you." would also cost two more lookups, and a piece no single category describes ("G12",
// "£67.00") a cascade of wink's patterns. The normals it hands out are the strings first met, whose
// hashes V8 has worked out already, so every later Map or Set lookup of those tokens skips hashing a
// fresh copy. A piece cut by pattern can take a token's type from the text's earlier tokens
// (pushMet): its reading is kept only when it took none, with the texts it looked for, and is used
// again only where none of them is among the earlier tokens either. The lexicon's entries stay; what
// text adds is dropped when the table is full.
const READINGS_LIMIT = 50_000;
// A kept reading: its one token directly when it has one (nearly every reading does), whether all its
// normals are their own lower case, and the texts it looked for among earlier tokens, if any.
type Reading = {
  normal: string | undefined;
  type: string;
  entry: Entry;
  lower: boolean;
  looked: readonly string[] | undefined;
};
const readingOf = (entry: Entry, looked?: readonly string[]): Reading => ({
  normal: entry[0].length === 1 ? entry[0][0]! : undefined,
  type: entry[1][0] ?? '',
  entry,
  lower: entry[0].every(isOwnLowerCase),
  looked,
});
const READINGS = createTextTable<Reading>(READINGS_LIMIT);
const LEXICON_READINGS = [...LEXICON].map(([text, entry]) => [text, readingOf(entry)] as const);
const keepLexicon = (): void => {
  for (const [text, reading] of LEXICON_READINGS) READINGS.set(text, hashText(text), reading);
};
keepLexicon();

// Keeps the reading of the piece just pushed from `from` on.
const remember = (piece: string, hash: number, from: number, looked?: readonly string[]): void => {
  // A piece too long to be looked up (see readPieces) is not kept.
  if (piece.length > pieceCodes.length) return;
  if (READINGS.size() >= READINGS.capacity) {
    READINGS.clear();
    keepLexicon();
  }
  READINGS.set(piece, hash, readingOf([out.normals.slice(from), out.types.slice(from)], looked));
};

// One space-delimited piece, text.slice(start, end), whose hash (hashText) is given and whose
// character codes are in pieceCodes (unless it is longer than that holds).
const readPiece = (text: string, start: number, end: number, hash: number): void => {
  const length = end - start;
  const known = length <= pieceCodes.length ? READINGS.get(pieceCodes, length, hash) : undefined;
  if (known !== undefined && (known.looked === undefined || !metEarlier(known.looked))) {
    if (!known.lower) allLower = false;
    // Nearly every reading is one token.
    if (known.normal !== undefined) return pushLower(known.normal, known.type);
    return pushEntryLower(known.entry);
  }
  const piece = start === 0 && end === text.length ? text : text.slice(start, end);
  // Most pieces are words of letters, most of them lower-case already: one scan tells both.
  let letters = 0;
  let plainLower = true;
  for (; letters < piece.length; letters += 1) {
    const code = piece.charCodeAt(letters);
    if (!isLetter(code)) break;
    if (code < 97 || code > 122) plainLower = false;
  }
  const from = out.normals.length;
  if (letters === piece.length) {
    if (plainLower) pushLower(piece, 'word');
    else pushUnknown(piece, 'word');
    return remember(piece, hash, from);
  }
  pieceFrom = from;
  metLooked = [];
  metBeforePiece = false;
  if (isApostropheWord(piece)) pushMet(piece, 'word');
  else readAs(piece, categoryOf(piece));
  // A kept reading whose texts were found earlier this time is read afresh and stays as it was.
  if (known === undefined && !metBeforePiece)
    remember(piece, hash, from, metLooked.length === 0 ? undefined : metLooked);
};

// Spaces wink splits at: space, no-break and the typographic spaces; tabs and line breaks instead
// form a token of their own (a run of them is one).
const isSpace = (code: number): boolean =>
  code === 32 ||
  code === 0xa0 ||
  (code >= 0x2002 && code <= 0x2005) ||
  code === 0x2009 ||
  code === 0x200a ||
  code === 0x202f ||
  code === 0x205f;
const isBreak = (code: number): boolean => code === 9 || code === 10 || code === 13;

// Appends the text's tokens to the given arrays (normals as wink gives them, not yet lower-cased
// for "I" and proper nouns' forms only where wink's normal differs; see lowerCase in analyse-text.ts).
export const tokenise = (text: string, into: TokenOutput): TokenOutput => {
  const previous = out;
  const previousStart = callStart;
  const previousLower = allLower;
  out = into;
  callStart = into.normals.length;
  allLower = true;
  // Restored however the reading ends, so a throw cannot leave the next call writing here.
  try {
    readPieces(text);
    into.lower = allLower;
  } finally {
    out = previous;
    callStart = previousStart;
    allLower = previousLower;
  }
  return into;
};

// The characters of the piece being read; a piece longer than this, rare, is read afresh each time.
const pieceCodes = new Uint16Array(256);

const readPieces = (text: string): void => {
  let start = 0;
  while (start < text.length) {
    const code = text.charCodeAt(start);
    let end = start + 1;
    if (isSpace(code)) {
      while (end < text.length && isSpace(text.charCodeAt(end))) end += 1;
    } else if (isBreak(code)) {
      while (end < text.length && isBreak(text.charCodeAt(end))) end += 1;
      pushKnownOr(text.slice(start, end), 'tabCRLF');
    } else {
      // The piece's hash is worked out on the way, and its characters copied, for the lookup of its
      // reading; a store past the end of pieceCodes does nothing, and so longer pieces are not looked up.
      let hash = hashStep(HASH_START, code);
      pieceCodes[0] = code;
      for (; end < text.length; end += 1) {
        const next = text.charCodeAt(end);
        // Printable ASCII, nearly every character, is neither.
        if ((next <= 32 || next >= 0xa0) && (isSpace(next) || isBreak(next))) break;
        hash = hashStep(hash, next);
        pieceCodes[end - start] = next;
      }
      readPiece(text, start, end, hash);
    }
    start = end;
  }
};
