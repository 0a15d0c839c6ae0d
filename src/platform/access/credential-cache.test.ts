import { describe, expect, it } from 'vitest';
import { createCredentialCache } from './credential-cache.js';

const scope = (workspaceId: string) => ({
  workspaceId,
  actor: { type: 'system' as const, role: 'owner' as const, userId: null },
});

describe('credential cache', () => {
  it('serves an entry until it expires, then looks again', () => {
    let clock = 1_000;
    const cache = createCredentialCache({ ttlMs: 5_000, maxEntries: 10, now: () => clock });
    cache.set('a', scope('w1'));
    clock += 4_999;
    expect(cache.get('a')?.workspaceId).toBe('w1');
    clock += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets the oldest entry when full, and everything on clear', () => {
    const cache = createCredentialCache({ ttlMs: 5_000, maxEntries: 2 });
    cache.set('a', scope('w1'));
    cache.set('b', scope('w2'));
    cache.set('c', scope('w3'));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.workspaceId).toBe('w2');
    cache.clear();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBeUndefined();
  });

  it('keeps nothing when the lifetime is zero', () => {
    const cache = createCredentialCache({ ttlMs: 0, maxEntries: 2 });
    cache.set('a', scope('w1'));
    expect(cache.get('a')).toBeUndefined();
  });
});
