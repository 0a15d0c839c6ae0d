import type pg from 'pg';
import type { DbHandle } from '../../db/client.js';
import type { DomainEvent } from '../events/domain-events.js';

const CHANNEL = 'earshot_events';
// PostgreSQL refuses NOTIFY payloads over 8000 bytes; long message texts are cut for the wire.
const MAX_TEXT = 2_000;

export type Fanout = {
  publish(event: DomainEvent): Promise<void>;
  subscribe(deliver: (event: DomainEvent) => void): Promise<void>;
  close(): Promise<void>;
};

// One embedded database means one process: deliver in memory. On PostgreSQL several API
// instances share the database, so events go through LISTEN/NOTIFY and every instance
// (this one included) delivers what it hears.
export function createFanout(handle: DbHandle): Fanout {
  if (handle.kind === 'pglite') {
    const subscribers = new Set<(event: DomainEvent) => void>();
    return {
      publish: async (event) => subscribers.forEach((deliver) => deliver(event)),
      subscribe: async (deliver) => void subscribers.add(deliver),
      close: async () => subscribers.clear(),
    };
  }
  let listener: pg.PoolClient | undefined;
  return {
    async publish(event) {
      await handle.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(forWire(event))]);
    },
    async subscribe(deliver) {
      listener = await handle.pool.connect();
      listener.on('notification', (msg) => {
        if (msg.channel === CHANNEL && msg.payload) deliver(JSON.parse(msg.payload) as DomainEvent);
      });
      await listener.query(`LISTEN ${CHANNEL}`);
    },
    async close() {
      if (!listener) return;
      await listener.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
      listener.release();
      listener = undefined;
    },
  };
}

function forWire(event: DomainEvent): DomainEvent {
  const data = event.data as Record<string, unknown>;
  if (typeof data.text !== 'string' || data.text.length <= MAX_TEXT) return event;
  return {
    ...event,
    data: { ...data, text: data.text.slice(0, MAX_TEXT), truncated: true },
  } as unknown as DomainEvent;
}
