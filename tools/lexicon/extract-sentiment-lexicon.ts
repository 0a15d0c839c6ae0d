// Regenerates the sentiment expressions and negation cues that read-feeling.ts matches, from the
// wink-eng-lite-web-model package installed in node_modules: `npx tsx tools/lexicon/extract-sentiment-lexicon.ts`.
//
// The model ships each of the two as a state machine over token ids (ids into its core lexicon).
// Walking every transition from the start state and naming each id by its lexicon entry gives the
// expressions as text. A state that ends an expression and also leads on to longer ones carries the
// shorter expression as its fallback ("otherwise") transition; a state with no way on is the end of
// one expression. The machine takes the longest expression that matches, which a trie of the
// listed expressions reproduces, so only the expressions and their names are kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

// Event ids the machines reserve beside the lexicon: the end of the tokens, and the fallback.
const END_OF_TOKENS = 2070000;
const OTHERWISE = 2070003;

type Machine = {
  transitions: Record<string, Record<string, number>>;
  names: Record<string, string>;
};

export type Expression = { tokens: readonly string[]; name: string };

const require = createRequire(import.meta.url);
const modelDir = dirname(require.resolve('wink-eng-lite-web-model'));
const modelsDir = join(modelDir, 'languages/cur/models');
const packageJson = JSON.parse(readFileSync(join(modelDir, '../package.json'), 'utf8')) as {
  name: string;
  version: string;
};

const readMachine = (file: string): Machine => {
  const machines = JSON.parse(readFileSync(join(modelsDir, file), 'utf8')) as string[];
  if (machines.length !== 1) throw new Error(`${file}: expected one machine, found ${machines.length}`);
  // Exported as [format version, last state, transitions, terminal names, marks, custom values].
  const [, , transitions, names, marks, custom] = JSON.parse(machines[0]!) as [
    number,
    number,
    Machine['transitions'],
    Machine['names'],
    object,
    object,
  ];
  // Marks would shrink a match's span and custom values would replace its name: neither is read
  // below, so a model that used them needs a new reader.
  if (Object.keys(marks).length > 0 || Object.keys(custom).length > 0)
    throw new Error(`${file}: marked or custom states are not supported`);
  return { transitions, names };
};

const readLexicon = (): readonly string[] => {
  const core = JSON.parse(readFileSync(join(modelsDir, 'eng-core-web-model.json'), 'utf8')) as {
    features: { lexeme: { list: string[] } };
  };
  return core.features.lexeme.list;
};

// Every expression the machine can match, with the name of the state that reports it.
export const listExpressions = (machine: Machine, lexicon: readonly string[]): Expression[] => {
  const { transitions, names } = machine;
  const found: Expression[] = [];
  const fallbackUsers = new Map<number, number>();
  const walk = (state: number, path: string[]): void => {
    const name = names[state];
    const out = transitions[state];
    if (name !== undefined) {
      // A terminal state ends the match at once: a transition out of it would never be taken.
      if (out !== undefined) throw new Error(`terminal state ${state} has transitions`);
      found.push({ tokens: path, name });
      return;
    }
    if (out === undefined) throw new Error(`state ${state} neither ends nor continues`);
    for (const [event, next] of Object.entries(out)) {
      const id = Number(event);
      if (id === OTHERWISE) {
        if (next === 0) continue;
        // The fallback must report the path to this very state; one shared by several states (as
        // learning a short expression before a longer one would leave) would stretch a match's
        // span past the expression, which the trie cannot express.
        if (names[next] === undefined) throw new Error(`fallback of ${state} is not terminal`);
        if (fallbackUsers.has(next)) throw new Error(`fallback ${next} shared`);
        fallbackUsers.set(next, state);
        if (transitions[next] !== undefined) throw new Error(`fallback ${next} has transitions`);
        found.push({ tokens: path, name: names[next]! });
        continue;
      }
      if (id === END_OF_TOKENS) throw new Error('expressions anchored at the end are not supported');
      const word = lexicon[id];
      if (word === undefined) throw new Error(`id ${id} is outside the lexicon`);
      if (/\s/.test(word) && word !== '\n') throw new Error(`token ${JSON.stringify(word)} holds a space`);
      walk(next, [...path, word]);
    }
  };
  walk(0, []);
  return found;
};

// The engine hands over lower-cased normals, so the expressions are keyed the same way. wink keeps a
// few emoticons upper-case (":D"); lower-casing must not make two different expressions one.
export const lowerCaseExpressions = (expressions: readonly Expression[]): Map<string, string> => {
  const byText = new Map<string, string>();
  for (const { tokens, name } of expressions) {
    if (tokens.length === 0) throw new Error('empty expression');
    const text = tokens.map((token) => token.toLowerCase()).join(' ');
    const before = byText.get(text);
    if (before !== undefined && before !== name)
      throw new Error(`"${text}" is both ${before} and ${name} once lower-cased`);
    byText.set(text, name);
  }
  return byText;
};

const sorted = (byText: Map<string, string>): [string, string][] =>
  [...byText].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export const LEXICON_DIR = fileURLToPath(new URL('../../src/engine/quality/lexicons/', import.meta.url));

// One generated module: a header naming the source and its licence, then one entry per expression,
// formatted as the project formats its code so the check passes on a fresh run.
const renderList = async (
  file: string,
  what: string,
  declaration: string,
  byText: Map<string, string>,
): Promise<{ file: string; text: string }> => {
  const lines = [
    `// Generated by tools/lexicon/extract-sentiment-lexicon.ts from ${packageJson.name} ${packageJson.version}`,
    '// (MIT licence, copyright GRAYPE Systems Private Limited: see WINK-LICENSE.txt). Do not edit; regenerate.',
    `// ${what}`,
    `export const ${declaration} = [`,
    ...sorted(byText).map(([text, name]) => `[${JSON.stringify(text)}, ${name}],`),
    '];',
  ];
  const filepath = join(LEXICON_DIR, file);
  const options = await resolveConfig(filepath);
  return { file, text: await format(lines.join('\n'), { ...options, filepath }) };
};

// Both lists as the installed model holds them: expression text to the name wink reports for it.
export const extractLists = (): { sentiment: Map<string, string>; negation: Map<string, string> } => {
  const lexicon = readLexicon();
  const sentiment = lowerCaseExpressions(listExpressions(readMachine('eng-sa-model.json'), lexicon));
  const negation = lowerCaseExpressions(listExpressions(readMachine('eng-negation-model.json'), lexicon));
  for (const name of sentiment.values())
    if (!/^-?\d+$/.test(name)) throw new Error(`sentiment name ${name} is not thousandths`);
  for (const name of negation.values())
    if (!['0', '1', '2'].includes(name)) throw new Error(`negation name ${name} is unknown`);
  return { sentiment, negation };
};

// The two generated modules, file name and text.
export const renderLists = async (): Promise<{ file: string; text: string }[]> => {
  const { sentiment, negation } = extractLists();
  return [
    await renderList(
      'wink-sentiment-expressions.ts',
      'Each entry: an expression (lower-cased token normals joined by single spaces) and its value in ' +
        'thousandths. wink matches a 0 expression and drops it, so it still keeps its tokens from others.',
      'winkSentimentExpressions: ReadonlyArray<readonly [string, number]>',
      sentiment,
    ),
    await renderList(
      'wink-negation-cues.ts',
      'Each entry: an expression and what wink does with it: 1 negates what follows it, 2 only ends an ' +
        "earlier cue's scope, 0 is matched and dropped (its tokens are no cue, and no scope ends there).",
      'winkNegationCues: ReadonlyArray<readonly [string, 0 | 1 | 2]>',
      negation,
    ),
  ];
};

const main = async (): Promise<void> => {
  for (const { file, text } of await renderLists()) {
    writeFileSync(join(LEXICON_DIR, file), text);
    console.log(`wrote ${join(LEXICON_DIR, file)}`);
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
