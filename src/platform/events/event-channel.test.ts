import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from './define-events.js';
import { eventWithDataText, packWire, parseWire, wireText } from './event-channel.js';

const event = (id: number, text: string) =>
  ({
    id,
    type: 'conversation.message_added',
    workspaceId: 'w',
    at: 'now',
    data: { text },
  }) as unknown as DomainEvent;

describe('the event channel wire', () => {
  it('packs events in order into payloads under 8000 bytes and reads them back', () => {
    const events = Array.from({ length: 40 }, (_, i) => event(i + 1, 'x'.repeat(i * 50)));
    const payloads = packWire(events.map(wireText));
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
    expect(payloads.flatMap(parseWire).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('cuts a long text and drops a payload still too large', () => {
    const long = parseWire(packWire([wireText(event(1, 'y'.repeat(9000)))])[0]!)[0]!;
    expect((long.data as unknown as { text: string }).text).toHaveLength(2000);
    const huge = event(2, 'z');
    (huge.data as Record<string, unknown>).blob = 'é'.repeat(5000);
    expect(parseWire(wireText(huge))[0]!.data).toEqual({ truncated: true });
  });
});

describe('an event whose data is the outbox JSON text', () => {
  const fields = { id: 7, type: 'conversation.message_added', workspaceId: 'w', at: 'now' } as const;

  it('goes on the wire as that text, and reads its data when asked', () => {
    const dataText = '{"seq": 3, "text": "hello \\"you\\"", "displayId": 12}';
    const e = eventWithDataText(fields as unknown as Omit<DomainEvent, 'data'>, dataText);
    const wire = wireText(e);
    expect(wire).toContain(`"data":${dataText}`);
    expect(parseWire(wire)).toEqual([{ ...fields, data: { seq: 3, text: 'hello "you"', displayId: 12 } }]);
    expect(e.data).toEqual({ seq: 3, text: 'hello "you"', displayId: 12 });
    expect({ ...e }).toEqual({ ...fields, data: e.data });
  });

  it('is cut as any other when its text is long', () => {
    const dataText = JSON.stringify({ text: 'y'.repeat(9000) });
    const e = eventWithDataText(fields as unknown as Omit<DomainEvent, 'data'>, dataText);
    const [read] = parseWire(wireText(e));
    expect((read!.data as unknown as { text: string; truncated: boolean }).text).toHaveLength(2000);
    expect(read!.id).toBe(7);
  });

  it('gives every such event the same map', () => {
    // A map made for each event is made in the old generation, where it held young objects through
    // scavenges (see eventWithDataText). V8's own test of two objects' maps:
    setFlagsFromString('--allow-natives-syntax');
    const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
      a: unknown,
      b: unknown,
    ) => boolean;
    // Many, so that V8's inline caches settle as they do under load before two are compared.
    const made = Array.from({ length: 1000 }, (_, id) =>
      eventWithDataText(
        { id, type: fields.type, workspaceId: fields.workspaceId, at: fields.at } as unknown as Omit<
          DomainEvent,
          'data'
        >,
        `{"seq":${id}}`,
      ),
    );
    expect(sameMap(made[998], made[999])).toBe(true);
  });
});
