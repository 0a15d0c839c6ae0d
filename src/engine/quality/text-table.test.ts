import { describe, expect, it } from 'vitest';
import { createTextTable, hashText } from './text-table.js';

describe('createTextTable', () => {
  it('finds a key by a stretch of a longer text, and only a stretch equal to it', () => {
    const table = createTextTable<number>(4);
    table.set('card', hashText('card'), 1);
    table.set('cards', hashText('cards'), 2);
    const text = 'my cards, my card';
    expect(table.get(text, 3, 8, hashText('cards'))).toBe(2);
    expect(table.get(text, 13, 17, hashText('card'))).toBe(1);
    expect(table.get(text, 3, 7, hashText('card'))).toBe(1);
    expect(table.get(text, 0, 2, hashText('my'))).toBeUndefined();
    // A wrong hash for an equal stretch is a miss, not a false hit.
    expect(table.get(text, 3, 8, hashText('card'))).toBeUndefined();
  });

  it('tells keys apart when their hashes share a slot, and empties on clear', () => {
    const table = createTextTable<string>(64);
    const words = Array.from({ length: 64 }, (_, i) => `w${i}`);
    for (const word of words) table.set(word, hashText(word), word.toUpperCase());
    for (const word of words)
      expect(table.get(word, 0, word.length, hashText(word))).toBe(word.toUpperCase());
    expect(table.size()).toBe(64);
    expect(() => table.set('more', hashText('more'), 'x')).toThrow();
    table.clear();
    expect(table.size()).toBe(0);
    expect(table.get('w1', 0, 2, hashText('w1'))).toBeUndefined();
  });
});
