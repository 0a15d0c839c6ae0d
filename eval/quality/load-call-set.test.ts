import { describe, expect, it } from 'vitest';
import { loadCallSet, loadEvalSet } from './load-eval-set.js';

const calls = loadCallSet('all');

describe('real-call eval set (Harper Valley Bank development calls)', () => {
  it('holds all 24 development calls, each once', () => {
    expect(calls).toHaveLength(24);
    expect(new Set(calls.map((c) => c.source.sid)).size).toBe(24);
    expect(new Set(calls.map((c) => c.id)).size).toBe(24);
  });

  it('holds out a third, and no id clashes with the written set', () => {
    expect(loadCallSet('heldout')).toHaveLength(8);
    const written = new Set(loadEvalSet('all').map((c) => c.id));
    expect(calls.filter((c) => written.has(c.id))).toEqual([]);
  });

  it('keeps the ASR text turn for turn beside the human text', () => {
    for (const c of calls) {
      expect(c.asrTranscript.channel).toBe('phone');
      expect(c.asrTranscript.turns.length).toBeGreaterThan(0);
    }
  });

  // Road 4 needs evidence of dismissal: every flag that is a road-4 signal forces it, and a road-4
  // label needs some signal (an unresolved request the caller happily closed is not one on its own).
  it.each(calls.map((c) => [c.id, c] as const))('%s labels follow the definitions', (_id, c) => {
    const { labels: l } = c;
    const flagged =
      l.flags.repeatAsk ||
      l.flags.prematureClose ||
      l.flags.redirectAndClose ||
      l.flags.longHold ||
      l.flags.multipleTransfers;
    if (flagged) expect(l.road).toBe(4);
    if (l.road === 4) expect(flagged || l.resolution === 'unresolved').toBe(true);
    expect(l.flags.apologyMisplaced).toBe(l.apology === 'misplaced');
  });
});
