import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LEXICON_DIR,
  listExpressions,
  lowerCaseExpressions,
  renderLists,
} from './extract-sentiment-lexicon.js';

const OTHERWISE = '2070003';
const lexicon = ['good', 'bad', 'food', 'quality', ':D', ':d'];

describe('listExpressions', () => {
  it('lists each path to a terminal state, and the fallback a state keeps for the path to it', () => {
    // "good" alone, "bad" alone or as the start of "bad food quality".
    const machine = {
      transitions: {
        0: { 0: 1, 1: 2 },
        2: { 2: 3, [OTHERWISE]: 5 },
        3: { 3: 4, [OTHERWISE]: 0 },
      },
      names: { 1: '776', 4: '-625', 5: '-600' },
    };
    const found = listExpressions(machine, lexicon).map(({ tokens, name }) => [tokens.join(' '), name]);
    expect(Object.fromEntries(found)).toEqual({ bad: '-600', 'bad food quality': '-625', good: '776' });
    expect(found).toHaveLength(3);
  });

  it('refuses a fallback shared by two states, which would stretch a match past its expression', () => {
    const machine = {
      transitions: { 0: { 1: 2 }, 2: { 2: 3, [OTHERWISE]: 5 }, 3: { 3: 4, [OTHERWISE]: 5 } },
      names: { 4: '-625', 5: '-600' },
    };
    expect(() => listExpressions(machine, lexicon)).toThrow(/shared/);
  });
});

describe('lowerCaseExpressions', () => {
  it('merges spellings that lower-case alike only when wink gives them the same name', () => {
    const same = lowerCaseExpressions([
      { tokens: [':D'], name: '600' },
      { tokens: [':d'], name: '600' },
    ]);
    expect([...same]).toEqual([[':d', '600']]);
    expect(() =>
      lowerCaseExpressions([
        { tokens: [':D'], name: '600' },
        { tokens: [':d'], name: '0' },
      ]),
    ).toThrow(/once lower-cased/);
  });
});

describe('the shipped lists', () => {
  it('are what the installed wink model holds (regenerate them after a model upgrade)', async () => {
    const rendered = await renderLists();
    expect(rendered.map(({ file }) => file)).toEqual([
      'wink-sentiment-expressions.ts',
      'wink-negation-cues.ts',
    ]);
    for (const { file, text } of rendered) expect(readFileSync(join(LEXICON_DIR, file), 'utf8')).toBe(text);
  });
});
