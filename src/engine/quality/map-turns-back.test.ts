import { describe, expect, it } from 'vitest';
import { mapTurnsBack } from './map-turns-back.js';
import type { QualityResult } from './quality-result.js';

const result = {
  evidence: [{ criterion: 'empathy', turn: 2, quote: 'x', why: 'y' }],
  repeatAsks: [{ turn: 2, slot: 'account', givenIn: 1, source: 'said' }],
  sentiment: { start: 0, end: 0, change: 0, turns: [{ turn: 1, score: 0.2 }] },
  reasons: ['Customer confirmed the fix in turn 2', 'Asked again for the account already given in turn 1'],
} as unknown as QualityResult;

describe('mapTurnsBack', () => {
  it('puts every turn number back to the first original turn of its merged turn', () => {
    const out = mapTurnsBack(result, [0, 3, 7]);
    expect(out.evidence[0]!.turn).toBe(7);
    expect(out.repeatAsks[0]).toMatchObject({ turn: 7, givenIn: 3 });
    expect(out.sentiment.turns[0]!.turn).toBe(3);
    expect(out.reasons).toEqual([
      'Customer confirmed the fix in turn 7',
      'Asked again for the account already given in turn 3',
    ]);
  });
  it('leaves the result alone when nothing was merged, and keeps -1 (known before the conversation)', () => {
    expect(mapTurnsBack(result, [0, 1, 2])).toBe(result);
    const known = { ...result, repeatAsks: [{ turn: 1, slot: 'email', givenIn: -1, source: 'known' }] };
    expect(mapTurnsBack(known as unknown as QualityResult, [0, 4]).repeatAsks[0]!.givenIn).toBe(-1);
  });
});
