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

  it('lets concurrent misses of one credential share a single look', async () => {
    const cache = createCredentialCache({ ttlMs: 5_000, maxEntries: 10 });
    let looks = 0;
    const look = async () => {
      looks++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return scope('w1');
    };
    const found = await Promise.all(Array.from({ length: 20 }, () => cache.remember('a', look)));
    expect(found.map((s) => s.workspaceId)).toEqual(Array(20).fill('w1'));
    expect(looks).toBe(1);
    expect((await cache.remember('a', look)).workspaceId).toBe('w1');
    expect(looks).toBe(1);
  });

  it('renews an entry in the last fifth of its life in the background, and drops it if revoked', async () => {
    let clock = 1_000;
    const cache = createCredentialCache({ ttlMs: 5_000, maxEntries: 10, now: () => clock });
    let answer: () => Promise<ReturnType<typeof scope>> = async () => scope('w1');
    const look = () => answer();
    await cache.remember('a', look);
    clock += 3_999;
    answer = async () => scope('w2');
    expect((await cache.remember('a', look)).workspaceId).toBe('w1');
    clock += 1;
    // Served at once from the entry; the renewal's answer is kept for the requests after.
    expect((await cache.remember('a', look)).workspaceId).toBe('w1');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cache.get('a')?.workspaceId).toBe('w2');
    clock += 4_000;
    answer = async () => {
      throw new Error('revoked');
    };
    expect((await cache.remember('a', look)).workspaceId).toBe('w2');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cache.get('a')).toBeUndefined();
    await expect(cache.remember('a', look)).rejects.toThrow('revoked');
  });

  it('keeps nothing a look found if the cache was cleared meanwhile', async () => {
    const cache = createCredentialCache({ ttlMs: 5_000, maxEntries: 10 });
    let release!: () => void;
    const looking = cache.remember(
      'a',
      () => new Promise<ReturnType<typeof scope>>((resolve) => (release = () => resolve(scope('w1')))),
    );
    cache.clear();
    release();
    expect((await looking).workspaceId).toBe('w1');
    expect(cache.get('a')).toBeUndefined();
  });
});
