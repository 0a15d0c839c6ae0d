import type { Scope } from '../tenancy/scope.js';

export type CachedCredential = Scope & { sessionId?: string };

export type CredentialCache = {
  get(tokenHash: string): CachedCredential | undefined;
  set(tokenHash: string, credential: CachedCredential): void;
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
  return {
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
      entries.clear();
      for (const listener of clearListeners) listener();
    },
    onClear(listener) {
      clearListeners.add(listener);
      return () => clearListeners.delete(listener);
    },
  };
}
