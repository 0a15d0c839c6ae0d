import { describe, expect, it } from 'vitest';
import { inSplit, splitOf } from './split-sentences.js';

describe('splitOf', () => {
  it('holds out about a third, the same way every time', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `${i}_1`);
    const held = ids.filter((id) => splitOf('tweets', id) === 'heldout').length;
    expect(held / ids.length).toBeGreaterThan(0.3);
    expect(held / ids.length).toBeLessThan(0.37);
    expect(ids.map((id) => splitOf('tweets', id))).toEqual(ids.map((id) => splitOf('tweets', id)));
  });
  it('puts every sentence in exactly one of tune and heldout, and all in "all"', () => {
    for (const id of ['1', '2', '3', '10_4']) {
      expect(inSplit('tune', 'tweets', id)).not.toBe(inSplit('heldout', 'tweets', id));
      expect(inSplit('all', 'tweets', id)).toBe(true);
    }
  });
});
