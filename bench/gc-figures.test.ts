import { describe, expect, it } from 'vitest';
import { profileGc } from './gc-figures.js';

const MB = 1024 * 1024;

// Small objects, the kind a request makes: each about 40 bytes with its array slot.
const makeObjects = (count: number) => Array.from({ length: count }, (_, i) => ({ i, j: i + 1 }));

describe('profileGc', () => {
  it('counts garbage as made young and neither surviving nor promoted', () => {
    const gc = profileGc();
    let sum = 0;
    for (let round = 0; round < 200; round++) sum += makeObjects(10_000).length;
    const figures = gc.stop(1);
    expect(sum).toBe(2_000_000);
    expect(figures.scavenges).toBeGreaterThan(0);
    expect(figures.youngAllocatedBytesPerUnit).toBeGreaterThan(20 * MB);
    expect(figures.promotedBytesPerUnit).toBeLessThan(2 * MB);
    expect(figures.youngSurvivedMedianBytesPerScavenge).toBeLessThan(64 * 1024);
  });

  it('counts what is kept across scavenges as surviving and then promoted', () => {
    const gc = profileGc();
    const kept: unknown[] = [];
    for (let round = 0; round < 200; round++) kept.push(makeObjects(10_000));
    const figures = gc.stop(2);
    expect(kept).toHaveLength(200);
    // Per unit: two units of work share the bytes.
    expect(figures.youngSurvivedBytesPerUnit + figures.promotedBytesPerUnit).toBeGreaterThan(10 * MB);
    expect(figures.promotedBytesPerUnit).toBeGreaterThan(5 * MB);
    // Each scavenge keeps what was made since the one before.
    expect(figures.youngSurvivedMedianBytesPerScavenge).toBeGreaterThan(256 * 1024);
    expect(figures.youngSurvivedMaxBytesPerScavenge).toBeGreaterThanOrEqual(
      figures.youngSurvivedMedianBytesPerScavenge,
    );
  });
});

describe('profileGc on objects that each get a map of their own', () => {
  // What a request made before: a copy by spreading, then properties added to it. Each such object
  // gets maps of its own, which V8 makes in the old generation.
  const spreadThenAdded = (base: { a: number; b: string }, i: number) => ({ ...base, c: i, d: [i] });
  const named = (base: { a: number; b: string }, i: number) => ({ a: base.a, b: base.b, c: i, d: [i] });

  const pretenuredPerObject = (make: (base: { a: number; b: string }, i: number) => unknown) => {
    const base = { a: 1, b: 'b' };
    let kept: unknown;
    const gc = profileGc();
    for (let i = 0; i < 300_000; i++) kept = make(base, i);
    expect(kept).toBeDefined();
    return gc.stop(300_000).pretenuredBytesPerUnit;
  };

  it('counts nothing pretenured for objects whose properties are named', () => {
    expect(pretenuredPerObject(named)).toBeLessThan(20);
  });

  // Node 20's V8 makes those maps; Node 22's makes none for such copies (it counts 0 there).
  it.runIf(process.versions.node.startsWith('20.'))('counts the maps Node 20 makes as pretenured', () => {
    expect(pretenuredPerObject(spreadThenAdded)).toBeGreaterThan(50);
  });
});
