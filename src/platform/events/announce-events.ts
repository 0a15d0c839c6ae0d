import type { Logger } from 'pino';
import type { PostgresHandle } from '../../db/client.js';
import type { DomainEvent } from './define-events.js';
import { EVENT_CHANNEL, packWire, wireText } from './event-channel.js';

export type Announcer = {
  /** Queues committed events for every listening process; returns at once. */
  announce(events: readonly DomainEvent[]): void;
  /** Resolves once everything queued so far has been sent (or given up). */
  flush(): Promise<void>;
};

/*
 * Tells every process listening on PostgreSQL what this one has committed, after the commit.
 * A transaction that NOTIFYs takes a lock that is global to the cluster until its commit is on
 * disk, so one NOTIFY per write transaction made every writer commit in single file (15–20% of
 * the message rate). Here at most one announcement is in flight: whatever commits meanwhile is
 * packed into the next, and the writers' own commits stay free to be flushed together.
 *
 * The announcement is for promptness only. Listeners are run by the dispatchers from the outbox
 * (woken by the announcement, and polling besides), so a process that stops between a commit and
 * its announcement delays its listeners by a poll but loses none; only realtime observers elsewhere
 * miss those events, as they miss anything sent while their socket was down.
 */
export function createAnnouncer(handle: PostgresHandle, logger: Logger): Announcer {
  let queue: string[] = [];
  let sending: Promise<void> | undefined;

  async function send(): Promise<void> {
    while (queue.length) {
      const payloads = packWire(queue);
      queue = [];
      const calls = payloads.map((_, i) => `pg_notify($1, $${i + 2})`).join(', ');
      try {
        await handle.pool.query(`SELECT ${calls}`, [EVENT_CHANNEL, ...payloads]);
      } catch (err) {
        logger.warn({ err, payloads: payloads.length }, 'committed events could not be announced');
      }
    }
  }

  return {
    announce(events) {
      if (!events.length) return;
      for (const event of events) queue.push(wireText(event));
      sending ??= send().finally(() => (sending = undefined));
    },
    async flush() {
      while (sending) await sending;
    },
  };
}
