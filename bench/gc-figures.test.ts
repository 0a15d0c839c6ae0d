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
  });
});
