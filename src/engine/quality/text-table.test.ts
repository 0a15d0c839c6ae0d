import { describe, expect, it } from 'vitest';
import { createTextTable, hashText } from './text-table.js';

// The stretch text.slice(start, end) as the table is given it: its codes, its length and its hash.
const codesOf = (text: string, start: number, end: number): [Uint16Array, number, number] => {
  const codes = new Uint16Array(end - start);
  for (let i = start; i < end; i += 1) codes[i - start] = text.charCodeAt(i);
  return [codes, end - start, hashText(text.slice(start, end))];
};

// The same stretch given another text's hash.
const stretch = (text: string, start: number, end: number, hashed: string): [Uint16Array, number, number] => {
  const [codes, length] = codesOf(text, start, end);
  return [codes, length, hashText(hashed)];
};

describe('createTextTable', () => {
  it('finds a key by a stretch of a longer text, and only a stretch equal to it', () => {
    const table = createTextTable<number>(4);
    table.set('card', hashText('card'), 1);
    table.set('cards', hashText('cards'), 2);
    const text = 'my cards, my card';
    expect(table.get(...stretch(text, 3, 8, 'cards'))).toBe(2);
    expect(table.get(...stretch(text, 13, 17, 'card'))).toBe(1);
    expect(table.get(...stretch(text, 3, 7, 'card'))).toBe(1);
    expect(table.get(...stretch(text, 0, 2, 'my'))).toBeUndefined();
    // A wrong hash for an equal stretch is a miss, not a false hit.
    expect(table.get(...stretch(text, 3, 8, 'card'))).toBeUndefined();
  });

  it('tells keys apart when their hashes share a slot, and empties on clear', () => {
    const table = createTextTable<string>(64);
    const words = Array.from({ length: 64 }, (_, i) => `w${i}`);
    for (const word of words) table.set(word, hashText(word), word.toUpperCase());
    for (const word of words) expect(table.get(...codesOf(word, 0, word.length))).toBe(word.toUpperCase());
    expect(table.size()).toBe(64);
    expect(() => table.set('more', hashText('more'), 'x')).toThrow();
    table.clear();
    expect(table.size()).toBe(0);
    expect(table.get(...codesOf('w1', 0, 2))).toBeUndefined();
  });

  it('reads only the given length of the codes, and keeps keys longer than its first store', () => {
    const table = createTextTable<number>(200);
    const keys = Array.from({ length: 200 }, (_, i) => `${'k'.repeat(i % 40)}${i}`);
    keys.forEach((key, i) => table.set(key, hashText(key), i));
    keys.forEach((key, i) => expect(table.get(...codesOf(key, 0, key.length))).toBe(i));
    // A scratch array longer than the stretch, its tail left from a longer piece.
    const scratch = new Uint16Array(8);
    for (const [i, char] of [...'card9xyz'].entries()) scratch[i] = char.charCodeAt(0);
    const card = createTextTable<string>(2);
    card.set('card', hashText('card'), 'yes');
    expect(card.get(scratch, 4, hashText('card'))).toBe('yes');
    expect(card.get(scratch, 5, hashText('card9'))).toBeUndefined();
  });
});
