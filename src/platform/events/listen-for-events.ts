import pg from 'pg';
import type { Logger } from 'pino';
import type { PostgresHandle } from '../../db/client.js';
import type { DomainEvent } from './define-events.js';
import { EVENT_CHANNEL, parseWire } from './event-channel.js';

const RECONNECT_MS = 1_000;

export type EventListening = { close(): Promise<void> };

// A connection of its own (not one of the pool's) that stays on LISTEN for the life of the
// process and comes back after the server drops it. Notifications sent while it was away are
// gone, so `onConnected` runs on every (re)connect: the dispatcher then looks at the outbox itself.
export async function listenForEvents(
  handle: PostgresHandle,
  logger: Logger,
  hooks: { onEvent(event: DomainEvent): void; onConnected(): void },
): Promise<EventListening> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    const next = new pg.Client({ ...handle.pool.options, application_name: 'earshot-events' });
    next.on('notification', (msg) => {
      if (msg.channel !== EVENT_CHANNEL || !msg.payload) return;
      try {
        for (const event of parseWire(msg.payload)) hooks.onEvent(event);
      } catch (err) {
        logger.warn({ err }, 'an event notification could not be read');
      }
    });
    next.on('error', (err) => {
      logger.warn({ err }, 'lost the event notification connection; reconnecting');
      next.end().catch(() => undefined);
      reconnectSoon();
    });
    await next.connect();
    await next.query(`LISTEN ${EVENT_CHANNEL}`);
    if (closed) return void (await next.end().catch(() => undefined));
    client = next;
    hooks.onConnected();
  }

  function reconnectSoon(): void {
    client = undefined;
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((err) => {
        logger.warn({ err }, 'could not listen for events; retrying');
        reconnectSoon();
      });
    }, RECONNECT_MS);
    retry.unref();
  }

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}
