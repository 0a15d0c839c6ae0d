import { describe, expect, it } from 'vitest';
import { deliveryId } from './delivery-id.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('deliveryId', () => {
  it('is one UUID per listener and event, the same on every delivery', () => {
    const first = deliveryId({ id: 41 }, 'quality.enqueue-scoring');
    expect(first).toMatch(uuid);
    expect(deliveryId({ id: 41 }, 'quality.enqueue-scoring')).toBe(first);
    expect(deliveryId({ id: 42 }, 'quality.enqueue-scoring')).not.toBe(first);
    expect(deliveryId({ id: 41 }, 'another.listener')).not.toBe(first);
  });
});
