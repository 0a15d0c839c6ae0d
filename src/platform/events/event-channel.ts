import type { DomainEvent } from './define-events.js';

/** The PostgreSQL channel every committed event is announced on. */
export const EVENT_CHANNEL = 'earshot_events';

// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.
const MAX_PAYLOAD_BYTES = 7_990;
const MAX_EVENT_BYTES = 7_900;
const MAX_TEXT = 2_000;

// What goes on the wire for one event, as JSON. Long message texts are cut; anything still too
// large travels without its payload, and a realtime client that needs it reads it through the API.
export function wireText(event: DomainEvent): string {
  const data = event.data as Record<string, unknown>;
  const cut =
    typeof data.text === 'string' && data.text.length > MAX_TEXT
      ? { ...data, text: data.text.slice(0, MAX_TEXT), truncated: true }
      : data;
  const text = JSON.stringify({ ...event, data: cut });
  if (Buffer.byteLength(text) <= MAX_EVENT_BYTES) return text;
  return JSON.stringify({ ...event, data: { truncated: true } });
}

/** Packs events' wire texts, in order, into as few payloads (JSON arrays) as the size limit allows. */
export function packWire(texts: readonly string[]): string[] {
  const payloads: string[] = [];
  let batch: string[] = [];
  let bytes = 2;
  for (const text of texts) {
    const size = Buffer.byteLength(text) + 1;
    if (batch.length && bytes + size > MAX_PAYLOAD_BYTES) {
      payloads.push(`[${batch.join(',')}]`);
      batch = [];
      bytes = 2;
    }
    batch.push(text);
    bytes += size;
  }
  if (batch.length) payloads.push(`[${batch.join(',')}]`);
  return payloads;
}

export function parseWire(payload: string): DomainEvent[] {
  const parsed = JSON.parse(payload) as DomainEvent | DomainEvent[];
  return Array.isArray(parsed) ? parsed : [parsed];
}
