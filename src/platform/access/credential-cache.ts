import type { Scope } from '../tenancy/scope.js';

export type CachedCredential = Scope & { sessionId?: string };

export type CredentialCache = {
  get(tokenHash: string): CachedCredential | undefined;
  set(tokenHash: string, credential: CachedCredential): void;
  /**
   * The entry, or what `look` finds (then kept). Concurrent misses share one look; an entry in the
   * last fifth of its life is served while one look renews it in the background.
   */
  remember<T extends CachedCredential>(tokenHash: string, look: () => Promise<T>): Promise<T>;
  /** After a revocation, a logout or a change of role: nothing stale is served by this process. */
  clear(): void;
  /** Called after every clear(), e.g. to re-check open web sockets at once. Returns the remover. */
  onClear(listener: () => void): () => void;
};

/*
 * Every API call would otherwise start with a lookup of its key or session, one round trip of a
 * handful per request. Entries live for a few seconds: this process forgets everything the
 * moment a key is revoked, a session ends or a member's role changes, and another instance
 * serving the same database follows within `ttlMs`.
 */
export function createCredentialCache(options: {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}): CredentialCache {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { credential: CachedCredential; expiresAt: number }>();
  const clearListeners = new Set<() => void>();
  // Looks in progress, so that the clients of one key that all miss at its expiry (fifty at once,
  // under load) wait for one look, not fifty that crowd the pool; and what clear() began: a look
  // that started before it keeps nothing.
  const looking = new Map<string, Promise<CachedCredential>>();
  let generation = 0;
  const renewBefore = options.ttlMs / 5;

  function look<T extends CachedCredential>(tokenHash: string, find: () => Promise<T>): Promise<T> {
    const started = generation;
    const found = find().then(
      (credential) => {
        if (generation === started) cache.set(tokenHash, credential);
        return credential;
      },
      (err: unknown) => {
        // A key revoked (or a failure) is not served again from what was kept.
        if (generation === started) entries.delete(tokenHash);
        throw err;
      },
    );
    const shared = found.finally(() => {
      if (looking.get(tokenHash) === shared) looking.delete(tokenHash);
    });
    looking.set(tokenHash, shared);
    return shared;
  }

  const cache: CredentialCache = {
    remember(tokenHash, find) {
      if (options.ttlMs <= 0) return find();
      const entry = entries.get(tokenHash);
      const pending = looking.get(tokenHash) as Promise<Awaited<ReturnType<typeof find>>> | undefined;
      if (entry && entry.expiresAt > now()) {
        // Renewed ahead of its expiry by one look whose answer nobody waits for, so that steady
        // traffic never meets an expired entry.
        if (!pending && entry.expiresAt - now() <= renewBefore) look(tokenHash, find).catch(() => undefined);
        return Promise.resolve(entry.credential as Awaited<ReturnType<typeof find>>);
      }
      return pending ?? look(tokenHash, find);
    },
    get(tokenHash) {
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(tokenHash);
        return undefined;
      }
      return entry.credential;
    },
    set(tokenHash, credential) {
      if (options.ttlMs <= 0) return;
      entries.delete(tokenHash);
      // A Map iterates in insertion order, so the first key is the oldest entry.
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(tokenHash, { credential, expiresAt: now() + options.ttlMs });
    },
    clear() {
      generation++;
      looking.clear();
      entries.clear();
      for (const listener of clearListeners) listener();
    },
    onClear(listener) {
      clearListeners.add(listener);
      return () => clearListeners.delete(listener);
    },
  };
  return cache;
}
