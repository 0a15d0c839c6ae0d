import { winkNegationCues } from './lexicons/wink-negation-cues.js';
import { winkSentimentExpressions } from './lexicons/wink-sentiment-expressions.js';

// Reads one sentence's feeling the way wink-nlp's negation and sentiment passes read a one-sentence
// document (the engine never asks wink to split sentences), from the tokens the engine already has:
// the sentiment is the mean value of the expressions found, an expression counting against the
// sentence when its first token lies in a negation's scope; a negation cue's scope runs from the
// token after it to the next expression of the negation list (a cue, a contrast word, punctuation)
// or the sentence end, leaving punctuation, emoji and emoticons out. Both lists are wink's own (see
// lexicons/wink-*.ts), matched greedily from left to right, the longest expression first.

type Node = { next: Map<string, Node> | undefined; value: number | undefined };

const newNode = (): Node => ({ next: undefined, value: undefined });

const buildTrie = (entries: ReadonlyArray<readonly [string, number]>): Node => {
  const root = newNode();
  for (const [text, value] of entries) {
    let node = root;
    for (const token of text.split(' ')) {
      node.next ??= new Map();
      let child = node.next.get(token);
      if (child === undefined) {
        child = newNode();
        node.next.set(token, child);
      }
      node = child;
    }
    node.value = value;
  }
  return root;
};

// wink stores values in thousandths and divides each by 1,000 as it reads it: doing the same here
// keeps every sum and mean equal to wink's to the last bit.
const sentimentTrie = buildTrie(winkSentimentExpressions.map(([text, value]) => [text, value / 1e3]));
const negationTrie = buildTrie(winkNegationCues);

// wink's matcher steps over a bare line break as if it were not there.
const LINE_BREAK = '\n';

// Expressions found, as [first token, last token, value] triples laid end to end. An expression whose
// value is 0 is matched (its tokens start no other expression) and then left out, as wink does.
const findExpressions = (root: Node, normals: readonly string[]): number[] => {
  const found: number[] = [];
  const length = normals.length;
  let start = 0;
  while (start < length) {
    if (normals[start] === LINE_BREAK) {
      start += 1;
      continue;
    }
    let node: Node | undefined = root;
    let end = -1;
    let value = 0;
    for (let at = start; at < length && node.next !== undefined; at += 1) {
      const token = normals[at]!;
      if (token === LINE_BREAK) continue;
      node = node.next.get(token);
      if (node === undefined) break;
      if (node.value !== undefined) {
        end = at;
        value = node.value;
      }
    }
    if (end < 0) {
      start += 1;
      continue;
    }
    if (value !== 0) found.push(start, end, value);
    start = end + 1;
  }
  return found;
};

const CUE = 1;
// Tokens a negation's scope passes over without negating them.
const UNNEGATED_TYPES = new Set(['punctuation', 'emoji', 'emoticon']);

const findNegated = (normals: readonly string[], types: readonly string[]): number[] => {
  const negated: number[] = [];
  const found = findExpressions(negationTrie, normals);
  for (let k = 0; k < found.length; k += 3) {
    if (found[k + 2] !== CUE) continue;
    const scopeEnd = k + 3 < found.length ? found[k + 3]! : normals.length;
    for (let i = found[k + 1]! + 1; i < scopeEnd; i += 1)
      if (!UNNEGATED_TYPES.has(types[i]!)) negated.push(i);
  }
  return negated;
};

export type Feeling = {
  // Mean value of the sentiment expressions in the sentence (0 when it has none), as wink scores it.
  sentiment: number;
  // Indexes of the tokens inside a negation's scope, ascending.
  negated: number[];
};

// `normals` are the sentence's tokens as wink's its.normal gives them, lower-cased, with contractions
// expanded ("can't" -> "can", "not") and "'s" left as it is; `types` are wink's token types.
export const readFeeling = (normals: readonly string[], types: readonly string[]): Feeling => {
  const negated = findNegated(normals, types);
  const found = findExpressions(sentimentTrie, normals);
  if (found.length === 0) return { sentiment: 0, negated };
  let sum = 0;
  let next = 0;
  for (let k = 0; k < found.length; k += 3) {
    const first = found[k]!;
    // Scopes and expressions both run left to right, so one cursor walks the negated list.
    while (next < negated.length && negated[next]! < first) next += 1;
    const value = found[k + 2]!;
    sum += negated[next] === first ? -value : value;
  }
  return { sentiment: sum / (found.length / 3), negated };
};
