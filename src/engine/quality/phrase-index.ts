// Each phrase list is one large regular expression, and running all of them over every sentence is
// most of the engine's cost. Every list, though, can only match a sentence that contains at least
// one of a few literal words. This module reads those words out of the expressions themselves, so
// that a sentence is only tested against lists one of whose words it actually contains. The index
// is derived, never written by hand, so a phrase added to a list can never be silently skipped.

type Item = { text: string; mode: 'exact' | 'prefix' | 'suffix' };
type Need = Item[] | null;

type Atom =
  | { kind: 'char'; char: string; optional: boolean }
  | { kind: 'group'; alts: Atom[][]; optional: boolean }
  | { kind: 'zero' }
  | { kind: 'wild'; optional: boolean };

const WORD_SHAPE = /^[a-z0-9'-]+$/;
// Words too common to narrow much down: a list is keyed on them only when it needs nothing rarer
// ("and the", "it is all"), which still spares the sentences without them.
const COMMON = new Set('i we you it is a an the to that this and of be'.split(' '));

const skipClass = (source: string, pos: number): number => {
  let i = pos + 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
};

const readQuantifier = (source: string, pos: number): { optional: boolean; next: number } => {
  const ch = source[pos];
  let optional = false;
  let next = pos;
  if (ch === '?' || ch === '*') {
    optional = true;
    next = pos + 1;
  } else if (ch === '+') {
    next = pos + 1;
  } else if (ch === '{') {
    const close = source.indexOf('}', pos);
    optional = /^\{0/.test(source.slice(pos, close + 1));
    next = close + 1;
  }
  if (next > pos && source[next] === '?') next += 1;
  return { optional, next };
};

const parseAlternatives = (source: string, start: number): [Atom[][], number] => {
  const alts: Atom[][] = [[]];
  let pos = start;
  while (pos < source.length) {
    const ch = source[pos]!;
    if (ch === ')') return [alts, pos + 1];
    if (ch === '|') {
      alts.push([]);
      pos += 1;
      continue;
    }
    let atom: Atom;
    if (ch === '(') {
      if (source.startsWith('(?=', pos) || source.startsWith('(?!', pos)) {
        pos = parseAlternatives(source, pos + 3)[1];
        atom = { kind: 'zero' };
      } else if (source.startsWith('(?<=', pos) || source.startsWith('(?<!', pos)) {
        pos = parseAlternatives(source, pos + 4)[1];
        atom = { kind: 'zero' };
      } else {
        const open = source.startsWith('(?:', pos)
          ? 3
          : source.startsWith('(?<', pos)
            ? source.indexOf('>', pos) + 1 - pos
            : 1;
        const [inner, next] = parseAlternatives(source, pos + open);
        pos = next;
        atom = { kind: 'group', alts: inner, optional: false };
      }
    } else if (ch === '[') {
      pos = skipClass(source, pos);
      atom = { kind: 'wild', optional: false };
    } else if (ch === '\\') {
      const escaped = source[pos + 1] ?? '';
      pos += 2;
      if (escaped === 'b' || escaped === 'B') atom = { kind: 'zero' };
      else if ('dDsSwWnrtfv'.includes(escaped)) atom = { kind: 'wild', optional: false };
      else if (escaped === 'u' || escaped === 'x') {
        pos += escaped === 'u' ? 4 : 2;
        atom = { kind: 'wild', optional: false };
      } else atom = { kind: 'char', char: escaped, optional: false };
    } else if (ch === '^' || ch === '$') {
      pos += 1;
      atom = { kind: 'zero' };
    } else if (ch === '.') {
      pos += 1;
      atom = { kind: 'wild', optional: false };
    } else {
      pos += 1;
      atom = { kind: 'char', char: ch, optional: false };
    }
    const quantifier = readQuantifier(source, pos);
    pos = quantifier.next;
    if (quantifier.optional && atom.kind !== 'zero') atom.optional = true;
    alts[alts.length - 1]!.push(atom);
  }
  return [alts, pos];
};

// Words in most support sentences: usable, but a list keyed on one of them is tried on nearly every
// sentence, so a choice of many rarer words ("will" or "personally|make|sort|fix|...") is preferred
// as long as there are fewer of them than this cost.
const FREQUENT = new Set(
  'am are was were have has had do does did not no can will would could should for on in at as with all there your my our me so up out get just now what if or please thank thanks let'.split(
    ' ',
  ),
);
const FREQUENT_COST = 40;
const UNUSABLE = 1000;
const itemCost = (item: Item): number => {
  if (COMMON.has(item.text) || item.text.length < 2) return UNUSABLE;
  if (item.mode === 'exact') return FREQUENT.has(item.text) ? FREQUENT_COST : 1;
  return 2;
};
const cost = (need: Item[]): number => need.reduce((sum, item) => sum + itemCost(item), 0);

const edgeChar = (alts: Atom[][], side: 'first' | 'last'): boolean =>
  alts.every((alt) => {
    const atom = side === 'first' ? alt[0] : alt[alt.length - 1];
    return atom !== undefined && atom.kind === 'char' && !atom.optional && atom.char === ' ';
  });

// Whether a word that starts right after atoms[index] starts on a token boundary. An optional group
// such as "(?:really )?" keeps the boundary when every branch of it ends in a space.
const boundedBefore = (atoms: Atom[], index: number, edge: boolean): boolean => {
  const atom = atoms[index];
  if (atom === undefined) return edge;
  if (atom.kind === 'zero') return true;
  if (atom.kind === 'char') return atom.char === ' ' && !atom.optional;
  if (atom.kind === 'group') {
    const ends = edgeChar(atom.alts, 'last');
    return atom.optional ? ends && boundedBefore(atoms, index - 1, edge) : ends;
  }
  return false;
};

const boundedAfter = (atoms: Atom[], index: number, edge: boolean): boolean => {
  const atom = atoms[index];
  if (atom === undefined) return edge;
  if (atom.kind === 'zero') return true;
  if (atom.kind === 'char') return atom.char === ' ' && !atom.optional;
  if (atom.kind === 'group') {
    const starts = edgeChar(atom.alts, 'first');
    return atom.optional ? starts && boundedAfter(atoms, index + 1, edge) : starts;
  }
  return false;
};

const needOfSequence = (atoms: Atom[], leftBounded: boolean, rightBounded: boolean): Need => {
  const candidates: Item[][] = [];
  let run = '';
  let runStart = 0;
  const flush = (end: number): void => {
    if (run === '') return;
    const pieces = run.split(' ');
    const left = boundedBefore(atoms, runStart - 1, leftBounded);
    const right = boundedAfter(atoms, end, rightBounded);
    pieces.forEach((piece, k) => {
      if (piece === '' || !WORD_SHAPE.test(piece)) return;
      const l = k > 0 || left;
      const r = k < pieces.length - 1 || right;
      if (l && r) candidates.push([{ text: piece, mode: 'exact' }]);
      else if (l && piece.length >= 3) candidates.push([{ text: piece, mode: 'prefix' }]);
      else if (r && piece.length >= 3) candidates.push([{ text: piece, mode: 'suffix' }]);
    });
    run = '';
  };
  atoms.forEach((atom, i) => {
    if (atom.kind === 'char' && !atom.optional) {
      if (run === '') runStart = i;
      run += atom.char;
      return;
    }
    flush(i);
    if (atom.kind === 'group' && !atom.optional) {
      const need = needOfAlternatives(
        atom.alts,
        boundedBefore(atoms, i - 1, leftBounded),
        boundedAfter(atoms, i + 1, rightBounded),
      );
      if (need) candidates.push(need);
    }
  });
  flush(atoms.length);
  if (candidates.length === 0) return null;
  return candidates.reduce((best, next) => (cost(next) < cost(best) ? next : best));
};

function needOfAlternatives(alts: Atom[][], leftBounded: boolean, rightBounded: boolean): Need {
  const items: Item[] = [];
  for (const alt of alts) {
    const need = needOfSequence(alt, leftBounded, rightBounded);
    if (!need) return null;
    items.push(...need);
  }
  return items;
}

// The characters a sequence of atoms can open with (null: any), and whether it can match nothing.
type Opening = { chars: Set<string> | null; empty: boolean };

const openingOfSequence = (atoms: Atom[]): Opening => {
  const chars = new Set<string>();
  for (const atom of atoms) {
    if (atom.kind === 'zero') continue;
    if (atom.kind === 'wild') return { chars: null, empty: false };
    if (atom.kind === 'char') {
      chars.add(atom.char);
      if (!atom.optional) return { chars, empty: false };
      continue;
    }
    const inner = openingOfAlternatives(atom.alts);
    if (inner.chars === null) return inner;
    for (const char of inner.chars) chars.add(char);
    if (!atom.optional && !inner.empty) return { chars, empty: false };
  }
  return { chars, empty: true };
};

function openingOfAlternatives(alts: Atom[][]): Opening {
  const chars = new Set<string>();
  let empty = false;
  for (const alt of alts) {
    const opening = openingOfSequence(alt);
    if (opening.chars === null) return opening;
    for (const char of opening.chars) chars.add(char);
    empty ||= opening.empty;
  }
  return { chars, empty };
}

const START_BOUNDARY = "(?<![a-z0-9'])";
const LETTER_OR_DIGIT = /^[a-z0-9]$/;

// V8 scans for a list opening with \b about a third faster than for one opening with the
// lookbehind phraseRegex writes, (?<![a-z0-9']). The two agree on where a match may start when the
// match opens with a letter or digit and the text has no upper-case letter or underscore (the
// characters \w adds to [a-z0-9]): then the lookbehind holds exactly where \b does and no
// apostrophe comes before. So a list whose every match opens with a letter or digit gets a twin
// opening with \b; find-phrase.ts tries it on lower-case text without underscores, and checks the
// apostrophe itself. Flags that widen what a character matches (case, Unicode, dot-all) or pin
// where it starts (sticky) keep the list as it is.
export const fastTwin = (regex: RegExp): RegExp | null => {
  if (!regex.source.startsWith(START_BOUNDARY) || /[imsuvy]/.test(regex.flags)) return null;
  const [alts] = parseAlternatives(regex.source, 0);
  const { chars, empty } = openingOfAlternatives(alts);
  if (chars === null || empty || chars.size === 0) return null;
  for (const char of chars) if (!LETTER_OR_DIGIT.test(char)) return null;
  const flags = regex.flags.includes('g') ? regex.flags : `${regex.flags}g`;
  return new RegExp(`\\b${regex.source.slice(START_BOUNDARY.length)}`, flags);
};

// A list with boundaries on both sides (as phraseRegex builds them) starts and ends on whole words.
export const requiredWords = (source: string): Need => {
  const [alts] = parseAlternatives(source, 0);
  const need = needOfAlternatives(alts, true, true);
  return need;
};

export type PhraseIndex = {
  phrases: Phrase[];
  add: (regex: RegExp) => Phrase;
  triggered: (tokens: readonly string[]) => Uint8Array;
};

export type Phrase = {
  id: number;
  regex: RegExp;
  always: boolean;
  index: PhraseIndex;
  // The same list opened by \b instead of the lookbehind, where that finds the same matches (see
  // fastTwin); null where it would not.
  fast: RegExp | null;
};

const TOKEN_CACHE_LIMIT = 50_000;

// A phrase can start or end inside a token that carries punctuation ("no." in "oh no. there is",
// "#awful"), so such a token also offers the words inside it.
const NOT_WORD = /[^a-z0-9']+/;
// Word characters beside others: plain words and bare punctuation are the common case.
const MIXED = /[a-z0-9'][^a-z0-9']|[^a-z0-9'][a-z0-9']/;
const innerWords = (token: string): readonly string[] =>
  MIXED.test(token) ? token.split(NOT_WORD).filter((piece) => piece !== '') : [];

export const createPhraseIndex = (): PhraseIndex => {
  const phrases: Phrase[] = [];
  const exact = new Map<string, number[]>();
  const prefix = new Map<string, number[]>();
  const suffix = new Map<string, number[]>();
  const prefixLengths = new Set<number>();
  const suffixLengths = new Set<number>();
  const tokenCache = new Map<string, readonly number[]>();
  const register = (map: Map<string, number[]>, key: string, id: number): void => {
    const list = map.get(key);
    if (!list) map.set(key, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  const addIdsOf = (word: string, ids: Set<number>): void => {
    for (const id of exact.get(word) ?? []) ids.add(id);
    for (const length of prefixLengths)
      if (word.length >= length) for (const id of prefix.get(word.slice(0, length)) ?? []) ids.add(id);
    for (const length of suffixLengths)
      if (word.length >= length) for (const id of suffix.get(word.slice(-length)) ?? []) ids.add(id);
  };
  // The lists a token can trigger, its inner words included, worked out once per distinct token.
  const idsFor = (token: string): readonly number[] => {
    const cached = tokenCache.get(token);
    if (cached) return cached;
    const ids = new Set<number>();
    addIdsOf(token, ids);
    for (const word of innerWords(token)) addIdsOf(word, ids);
    const result = [...ids];
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(token, result);
    return result;
  };
  const index: PhraseIndex = {
    phrases,
    add: (regex) => {
      const id = phrases.length;
      const need = requiredWords(regex.source);
      const phrase: Phrase = { id, regex, always: need === null, index, fast: fastTwin(regex) };
      for (const item of need ?? []) {
        if (item.mode === 'exact') register(exact, item.text, id);
        else if (item.mode === 'prefix') {
          register(prefix, item.text, id);
          prefixLengths.add(item.text.length);
        } else {
          register(suffix, item.text, id);
          suffixLengths.add(item.text.length);
        }
      }
      phrases.push(phrase);
      tokenCache.clear();
      return phrase;
    },
    triggered: (tokens) => {
      const hits = new Uint8Array(phrases.length);
      for (const token of tokens) for (const id of idsFor(token)) hits[id] = 1;
      return hits;
    },
  };
  return index;
};
