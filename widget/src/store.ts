import type { Pending, Session } from './types.js';

/*
 * What the widget keeps in the visitor's browser, per workspace: the session (so an anonymous
 * visitor finds their conversation after a reload), the conversation, and every message written
 * but not yet acknowledged by the server (so a reload or a dropped connection loses none).
 */
export type Saved = {
  session?: Session;
  /** The identity the session was opened for: another customer on the same browser gets a new one. */
  sessionFor?: string;
  visitorId?: string | null;
  conversationId?: string;
  pending: Pending[];
  /** The visitor asked for a person; kept until the server has the request. */
  wantsHuman?: boolean;
};

export function createStore(workspaceKey: string) {
  const key = `earshot-widget:${workspaceKey}`;
  let memory: Saved = { pending: [] };
  try {
    const raw = localStorage.getItem(key);
    if (raw) {
      const parsed = JSON.parse(raw) as Partial<Saved>;
      memory = { ...parsed, pending: parsed.pending ?? [] };
    }
  } catch {
    // Storage refused (private mode, a sandboxed frame): the widget still works for this page.
  }
  return {
    get: (): Saved => memory,
    update(change: Partial<Saved>) {
      memory = { ...memory, ...change };
      try {
        localStorage.setItem(key, JSON.stringify(memory));
      } catch {
        // As above: kept in memory only.
      }
    },
  };
}

export type Store = ReturnType<typeof createStore>;
