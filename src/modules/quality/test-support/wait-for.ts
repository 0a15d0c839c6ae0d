import type { DomainEvent, EventBus } from '../../../platform/events/domain-events.js';

// Resolves with the first matching event, or fails once the time is up.
export function nextEvent(
  events: EventBus,
  type: string,
  match: (e: DomainEvent) => boolean,
  ms: number,
): Promise<DomainEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`Timed out after ${ms} ms waiting for ${type}`));
    }, ms);
    const off = events.on(type, (event) => {
      if (!match(event)) return;
      clearTimeout(timer);
      off();
      resolve(event);
    });
  });
}
