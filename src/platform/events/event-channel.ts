import type { DomainEvent, EmittedEvent } from './define-events.js';

/** The PostgreSQL channel every committed event is announced on. */
export const EVENT_CHANNEL = 'earshot_events';

// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; the id is added in SQL, so leave room.
const MAX_WIRE_BYTES = 7_900;
const MAX_TEXT = 2_000;

// What goes on the wire for an event, as JSON without its id (known only once inserted). Long
// message texts are cut; anything still too large travels without its payload, and a realtime
// client that needs it reads it through the API.
export function wireText(event: EmittedEvent): string {
  const data = event.data as Record<string, unknown>;
  const cut =
    typeof data.text === 'string' && data.text.length > MAX_TEXT
      ? { ...data, text: data.text.slice(0, MAX_TEXT), truncated: true }
      : data;
  const text = JSON.stringify({ ...event, data: cut });
  if (Buffer.byteLength(text) <= MAX_WIRE_BYTES) return text;
  return JSON.stringify({ ...event, data: { truncated: true } });
}

export function parseWire(payload: string): DomainEvent {
  return JSON.parse(payload) as DomainEvent;
}
