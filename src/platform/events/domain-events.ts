import type { DomainEvent, EventType } from './define-events.js';

export type { DomainEvent, EventType } from './define-events.js';

export type Listener = (event: DomainEvent) => void | Promise<void>;

export type EventBus = {
  on(type: EventType | '*', listener: Listener): () => void;
  publish(events: DomainEvent[]): Promise<void>;
};

// Listeners run after commit; one failing listener never breaks the request or the others.
export function createEventBus(onListenerError: (error: unknown, event: DomainEvent) => void): EventBus {
  const listeners = new Map<string, Set<Listener>>();
  return {
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      set.add(listener);
      listeners.set(type, set);
      return () => set.delete(listener);
    },
    async publish(events) {
      for (const event of events) {
        const targets = [...(listeners.get(event.type) ?? []), ...(listeners.get('*') ?? [])];
        await Promise.all(
          targets.map(async (listener) => {
            try {
              await listener(event);
            } catch (error) {
              onListenerError(error, event);
            }
          }),
        );
      }
    },
  };
}
