import { ApiError, createApi } from './api.js';
import { createLive, type Frame } from './live.js';
import type { Store } from './store.js';
import type { Conversation, Embed, Message, Pending, Routing, Session } from './types.js';

export type ChatEvents = {
  message(message: Message, live: boolean): void;
  pending(pending: Pending): void;
  acknowledged(clientId: string): void;
  refused(clientId: string, reason: string): void;
  routing(routing: Routing): void;
  conversation(conversation: Conversation): void;
  session(session: Session): void;
  connection(up: boolean): void;
};

const finished = new Set(['closed', 'resolved', 'archived']);

function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Pages served over plain http have no randomUUID: a version-4 id from random bytes instead.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/*
 * The conversation as the visitor's browser knows it. Every message written goes first to the
 * stored unacknowledged list, then to the server with its clientId; it leaves the list only when
 * the server has it (its answer, a live frame or a fetch shows it). Each sync fetches what came
 * after the last sequence number seen and sends the list again: the server keeps one message per
 * clientId, and messages are shown by sequence number, once each.
 */
export function createChat(embed: Embed, store: Store, on: ChatEvents) {
  const identity = embed.customerId ?? '';
  let renewing: Promise<Session> | null = null;
  let lastSeq = 0;
  const seen = new Set<number>();
  let syncing: Promise<void> | null = null;
  let again = false;
  let loaded = false;

  function renew(): Promise<Session> {
    renewing ??= (async () => {
      try {
        const saved = store.get();
        const session = await api.openSession(saved.visitorId);
        // Another customer signed in on this browser: the previous one's conversation is not theirs.
        const sameVisitor = saved.sessionFor === identity;
        store.update({
          session,
          sessionFor: identity,
          visitorId: session.visitorId ?? saved.visitorId,
          ...(sameVisitor ? {} : { conversationId: undefined, pending: [], wantsHuman: false }),
        });
        on.session(session);
        return session;
      } finally {
        renewing = null;
      }
    })();
    return renewing;
  }

  async function session(): Promise<Session> {
    const saved = store.get();
    const fresh = saved.session && Date.parse(saved.session.expiresAt) - Date.now() > 60_000;
    if (saved.session && fresh && saved.sessionFor === identity) return saved.session;
    return renew();
  }

  const api = createApi(embed, session, renew);
  const live = createLive(embed.origin, async () => (await session()).token, {
    frame: receiveFrame,
    opened: () => {
      on.connection(true);
      void sync();
    },
    dropped: () => on.connection(false),
  });

  function receiveFrame(frame: Frame) {
    if (frame.data.conversationId !== store.get().conversationId) return;
    if (frame.type === 'routing') on.routing(frame.data.routing);
    else receive(frame.data, true);
  }

  function receive(message: Message, live: boolean) {
    if (seen.has(message.seq)) return;
    seen.add(message.seq);
    lastSeq = Math.max(lastSeq, message.seq);
    if (message.clientId) acknowledge(message.clientId);
    on.message(message, live && loaded);
  }

  function acknowledge(clientId: string) {
    const pending = store.get().pending;
    if (!pending.some((p) => p.clientId === clientId)) return;
    store.update({ pending: pending.filter((p) => p.clientId !== clientId) });
    on.acknowledged(clientId);
  }

  function refuse(clientId: string, reason: string) {
    store.update({ pending: store.get().pending.filter((p) => p.clientId !== clientId) });
    on.refused(clientId, reason);
  }

  async function fetchMissed(id: string) {
    for (;;) {
      const items = await api.messagesAfter(id, lastSeq);
      const before = lastSeq;
      for (const m of items.sort((a, b) => a.seq - b.seq)) receive(m, true);
      if (items.length === 0 || lastSeq === before) return;
      // Only a long page may have more behind it; a short one was the end.
      if (items.length < 50) return;
    }
  }

  async function resend(id: string) {
    for (const p of [...store.get().pending]) {
      try {
        receive(await api.post(id, p.text, p.clientId), true);
      } catch (error) {
        // Unreachable: kept for the next sync. Refused (too long, not allowed): said, not retried.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
          refuse(p.clientId, error.message);
        } else throw error;
      }
    }
  }

  async function startConversation(first: Pending) {
    try {
      const conversation = await api.start(first.text, first.clientId);
      store.update({ conversationId: conversation.id });
      on.conversation(conversation);
      if (conversation.routing) on.routing(conversation.routing);
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
        refuse(first.clientId, error.message);
      } else throw error;
    }
  }

  async function syncOnce() {
    let id = store.get().conversationId;
    const first = store.get().pending[0];
    if (!id && first) {
      await startConversation(first);
      id = store.get().conversationId;
    }
    if (!id) return;
    await fetchMissed(id);
    await resend(id);
    if (store.get().wantsHuman) {
      on.routing((await api.askForHuman(id)).routing);
      store.update({ wantsHuman: false });
    }
    const conversation = await api.conversation(id);
    on.conversation(conversation);
    if (conversation.routing) on.routing(conversation.routing);
  }

  /** One sync at a time; a call during one runs another after it, so nothing asked is skipped. */
  function sync(): Promise<void> {
    if (syncing) {
      again = true;
      return syncing;
    }
    syncing = (async () => {
      try {
        do {
          again = false;
          await syncOnce();
        } while (again);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        // Offline or the server failed: the next reconnect, poll or visit tries again.
        if (error.status === 0) on.connection(false);
      } finally {
        syncing = null;
      }
    })();
    return syncing;
  }

  /** Finds the visitor's conversation (theirs on any browser once verified) and shows it. */
  async function load() {
    const saved = store.get();
    try {
      await session();
      const list = await api.conversations();
      const stored = list.find((c) => c.id === store.get().conversationId);
      const latest = list
        .filter((c) => !finished.has(c.status))
        .sort((a, b) =>
          (b.lastActivityAt ?? b.createdAt ?? '').localeCompare(a.lastActivityAt ?? a.createdAt ?? ''),
        )[0];
      const chosen = stored ?? latest;
      if (chosen) store.update({ conversationId: chosen.id });
      else if (saved.conversationId && !saved.pending.length) store.update({ conversationId: undefined });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // Unreachable now: what is stored is shown, and the next sync fills in the rest.
    }
    for (const p of store.get().pending) on.pending(p);
    await sync();
    loaded = true;
    live.start();
  }

  let started: Promise<void> | null = null;
  return {
    /** Once: on the first opening, or at page load for a visitor who already has a conversation. */
    start: () => (started ??= load()),
    hasConversation: () => Boolean(store.get().conversationId),
    send(text: string) {
      const pending = { clientId: newClientId(), text };
      store.update({ pending: [...store.get().pending, pending] });
      on.pending(pending);
      return sync();
    },
    /** Queues the conversation for a person, starting it first when there is none yet. */
    askForHuman() {
      store.update({ wantsHuman: true });
      if (!store.get().conversationId && !store.get().pending.length) {
        return this.send("I'd like to talk to a person.");
      }
      return sync();
    },
    async callback(body: { phone?: string; email?: string }) {
      const id = store.get().conversationId;
      if (!id) throw new ApiError(409, 'Write to us first.');
      return api.callback(id, body);
    },
    sync,
    reconnect() {
      live.now();
      return sync();
    },
    config: () => api.config(),
  };
}

export type Chat = ReturnType<typeof createChat>;
