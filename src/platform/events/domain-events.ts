import type { Logger } from 'pino';
import type { DbHandle } from '../../db/client.js';
import type { DomainEvent, EventType } from './define-events.js';
import { createAnnouncer } from './announce-events.js';
import { listenForEvents, type EventListening } from './listen-for-events.js';

export type { DomainEvent, EventType } from './define-events.js';

export type Listener = (event: DomainEvent) => void | Promise<void>;

/**
 * The stream of committed events as this process sees it. `on` observes every workspace's events
 * once committed, whichever process wrote them on PostgreSQL (through LISTEN/NOTIFY), this one's
 * on the embedded database; it is for realtime delivery and tests. Durable side effects belong in
 * listeners (defineListener), which the outbox dispatcher runs at least once.
 */
export type EventBus = {
  /** True on PostgreSQL: committed events are announced with NOTIFY to every process. */
  readonly crossProcess: boolean;
  on(type: EventType | '*', listener: Listener): () => void;
  /** Runs after every commit that wrote events (here, or anywhere on PostgreSQL): wakes dispatchers. */
  onCommit(wake: () => void): () => void;
  /** Told by inWorkspace once a transaction holding these events has committed. */
  publish(events: readonly DomainEvent[]): void;
  /** Starts listening on PostgreSQL; nothing to do on the embedded database. Safe to call again. */
  start(): Promise<void>;
  close(): Promise<void>;
};

export function createEventBus(handle: DbHandle, logger: Logger): EventBus {
  const listeners = new Map<string, Set<Listener>>();
  const wakers = new Set<() => void>();
  let listening: Promise<EventListening | undefined> | undefined;
  // This process's own events come back by NOTIFY too; its dispatcher was already woken for them.
  const ownIds = new Set<number>();
  const announcer = handle.kind === 'pg' ? createAnnouncer(handle, logger) : undefined;
  let closed = false;

  const deliver = (event: DomainEvent) => {
    const targets = [...(listeners.get(event.type) ?? []), ...(listeners.get('*') ?? [])];
    for (const listener of targets) {
      // An observer never slows or breaks the request, nor the others.
      Promise.resolve()
        .then(() => listener(event))
        .catch((err) => logger.error({ err, event: event.type }, 'event observer failed'));
    }
  };
  const wake = () => wakers.forEach((w) => w());

  return {
    crossProcess: handle.kind === 'pg',
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      set.add(listener);
      listeners.set(type, set);
      return () => void set.delete(listener);
    },
    onCommit(w) {
      wakers.add(w);
      return () => void wakers.delete(w);
    },
    publish(events) {
      if (!events.length) return;
      // On PostgreSQL the announcement brings these back to this process as to every other, so
      // observers hear each event once; waking the local dispatcher need not wait for it.
      if (!announcer) events.forEach(deliver);
      else {
        if (listening) {
          // A notification lost with a dropped connection never comes back to be crossed off.
          if (ownIds.size > 10_000) ownIds.clear();
          events.forEach((e) => ownIds.add(e.id));
        }
        announcer.announce(events);
      }
      wake();
    },
    start() {
      if (closed) return Promise.reject(new Error('The event stream was closed'));
      listening ??=
        handle.kind === 'pg'
          ? listenForEvents(handle, logger, {
              onEvent: (event) => {
                deliver(event);
                if (!ownIds.delete(event.id)) wake();
              },
              onConnected: wake,
            })
          : Promise.resolve(undefined);
      listening.catch(() => (listening = undefined));
      return listening.then(() => undefined);
    },
    async close() {
      closed = true;
      await announcer?.flush();
      const current = await listening?.catch(() => undefined);
      await current?.close();
      listeners.clear();
      wakers.clear();
    },
  };
}
