import { describe, expect, it } from 'vitest';
import { isJsSpace } from './is-js-space.js';

describe('isJsSpace', () => {
  it('agrees with \\s on every character of the basic plane', () => {
    const disagreements: number[] = [];
    for (let code = 0; code <= 0xffff; code += 1)
      if (isJsSpace(code) !== /\s/.test(String.fromCharCode(code))) disagreements.push(code);
    expect(disagreements).toEqual([]);
  });
});
