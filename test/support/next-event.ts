import type { DomainEvent, EventBus, EventType } from '../../src/platform/events/domain-events.js';

// Resolves with the first matching committed event this process hears (any process's on
// PostgreSQL), or fails once the time is up. The test app listens from the start.
export function nextEvent<T extends EventType>(
  events: EventBus,
  type: T,
  match: (e: DomainEvent<T>) => boolean,
  ms: number,
): Promise<DomainEvent<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`Timed out after ${ms} ms waiting for ${type}`));
    }, ms);
    const off = events.on(type, (event) => {
      const typed = event as DomainEvent<T>;
      if (!match(typed)) return;
      clearTimeout(timer);
      off();
      resolve(typed);
    });
  });
}
