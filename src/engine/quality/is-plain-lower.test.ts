import { describe, expect, it } from 'vitest';
import { isPlainLower } from './is-plain-lower.js';

describe('isPlainLower', () => {
  it('accepts words of a-z only', () => {
    expect(isPlainLower('hello')).toBe(true);
    expect(isPlainLower('z')).toBe(true);
  });

  it('rejects anything toLowerCase could change or that is not a plain word', () => {
    for (const text of ['', 'Hello', 'HELLO', 'café', 'can’t', "it's", 'a1', 'a b', '`', '{', 'É'])
      expect(isPlainLower(text)).toBe(false);
  });

  it('agrees with toLowerCase wherever it accepts', () => {
    for (let code = 0; code < 0x250; code += 1) {
      const text = `ab${String.fromCharCode(code)}`;
      if (isPlainLower(text)) expect(text.toLowerCase()).toBe(text);
    }
  });
});
