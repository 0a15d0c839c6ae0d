import type { DomainEvent } from './define-events.js';

/** The PostgreSQL channel every committed event is announced on. */
export const EVENT_CHANNEL = 'earshot_events';

// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.
const MAX_PAYLOAD_BYTES = 7_990;
const MAX_EVENT_BYTES = 7_900;
const MAX_TEXT = 2_000;

// Events whose data the database answered as JSON text (a one-trip write's outbox row): their
// wire text is put together from that text, and the data parsed only if something reads it.
const dataTexts = new WeakMap<DomainEvent, string>();
const parsedData = new WeakMap<DomainEvent, unknown>();

// One getter for every such event. A getter made for each (`get data()` in the literal, after
// `...fields`) is held by the object's map, so each event had maps of their own, made in the old
// generation (see inWorkspace's ctx), which held the getter and what it closed over through every
// scavenge until the next full collection.
function readData(this: DomainEvent): unknown {
  if (!parsedData.has(this)) parsedData.set(this, JSON.parse(dataTexts.get(this)!));
  return parsedData.get(this);
}

/** The event with `data` as the outbox's JSON text of it, parsed on first read. */
export function eventWithDataText(fields: Omit<DomainEvent, 'data'>, dataText: string): DomainEvent {
  const event = { type: fields.type, workspaceId: fields.workspaceId, at: fields.at, id: fields.id };
  Object.defineProperty(event, 'data', { get: readData, enumerable: true, configurable: true });
  dataTexts.set(event as DomainEvent, dataText);
  return event as DomainEvent;
}

// What goes on the wire for one event, as JSON. Long message texts are cut; anything still too
// large travels without its payload, and a realtime client that needs it reads it through the API.
export function wireText(event: DomainEvent): string {
  const dataText = dataTexts.get(event);
  // Data this short holds no text to cut: it goes as the database wrote it.
  if (dataText !== undefined && dataText.length <= MAX_TEXT) {
    const head = JSON.stringify({
      type: event.type,
      workspaceId: event.workspaceId,
      at: event.at,
      id: event.id,
    });
    const text = `${head.slice(0, -1)},"data":${dataText}}`;
    if (Buffer.byteLength(text) <= MAX_EVENT_BYTES) return text;
  }
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
