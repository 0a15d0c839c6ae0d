import type { DomainEvent } from './define-events.js';
import type { ListenerDefinition, ListenerDeps } from './define-listener.js';
import { claimEvents } from './claim-events.js';
import type { Claim } from './claim-fence.js';
import type { OutboxRow } from './outbox-table.js';
import { pruneOutbox } from './prune-outbox.js';
import { recordDelivered } from './record-delivered.js';
import { recordFailure } from './record-failure.js';
import { releaseStaleClaims } from './release-stale-claims.js';
import { retryDelay } from './retry-delay.js';
import { runListener } from './run-listener.js';
import { toDomainEvent } from './to-domain-event.js';

export type DispatcherOptions = {
  listeners: readonly ListenerDefinition[];
  /** What listeners receive; its db, events and logger are the dispatcher's too. */
  deps: ListenerDeps;
  batchSize?: number;
  /** The safety net: how often an idle dispatcher looks at the outbox without being woken. */
  pollMs?: number;
  /** How long a claim hides an event from other dispatchers; must outlast a batch. */
  leaseSeconds?: number;
  listenerTimeoutMs?: number;
  /** Attempts before an event is settled as failed (its error kept in the row). */
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Settled events are deleted once older than this. */
  keepHours?: number;
  pruneEveryMs?: number;
};

export type Dispatcher = {
  start(): Promise<void>;
  /** Runs until nothing is due; resolves when this dispatcher is idle. */
  drain(): Promise<void>;
  /** Stops claiming and waits for the batch in hand; the rest stays in the outbox. */
  stop(): Promise<void>;
};

/**
 * Delivers the outbox to listeners, at least once: claim a batch of due events, run every listener
 * of each (the events of a batch side by side, so the batch takes no longer than its slowest
 * listener), record which succeeded, and retry the failures after a growing back-off. A failure
 * holds back only its own event. Any number of dispatchers, in any processes, share one outbox.
 * Woken after each commit (onCommit), polled now and then, and at start so that whatever a
 * crashed process left behind is delivered.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { deps } = options;
  const db = deps.db;
  const logger = deps.logger.child({ component: 'events' });
  const batchSize = options.batchSize ?? 20;
  const leaseSeconds = options.leaseSeconds ?? 60;
  const listenerTimeoutMs = options.listenerTimeoutMs ?? 20_000;
  const maxAttempts = options.maxAttempts ?? 20;
  const backoff = { baseMs: options.retryBaseMs ?? 2_000, maxMs: options.retryMaxMs ?? 3_600_000 };
  const byType = new Map<string, ListenerDefinition[]>();
  for (const listener of options.listeners)
    for (const type of listener.on) byType.set(type, [...(byType.get(type) ?? []), listener]);

  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  let stopWaking: (() => void) | undefined;
  let pruning: Promise<void> | undefined;

  function wake(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => (running = undefined));
    return running;
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      try {
        while (!stopped && (await dispatchBatch()) === batchSize);
      } catch (err) {
        // The database is away; the next wake or poll tries again.
        logger.error({ err }, 'event dispatch failed');
        return;
      }
    } while (again && !stopped);
  }

  async function dispatchBatch(): Promise<number> {
    const rows = await claimEvents(db, { limit: batchSize, leaseSeconds });
    const outcomes = await Promise.all(rows.map(deliver));
    await recordDelivered(
      db,
      outcomes.filter((o): o is Claim => o !== undefined),
    );
    return rows.length;
  }

  // Resolves with the claim when every listener succeeded (recorded with the batch), after
  // recording the failure otherwise.
  async function deliver(row: OutboxRow): Promise<Claim | undefined> {
    const claim = { id: row.id, attempts: row.attempts };
    const event: DomainEvent = toDomainEvent(row);
    const pending = (byType.get(row.type) ?? []).filter((l) => !row.deliveredTo.includes(l.name));
    const results = await Promise.all(pending.map((l) => runListener(l, event, deps, listenerTimeoutMs)));
    const failed = results.filter((r) => r.error !== undefined);
    if (!failed.length) return claim;
    const retryInMs = row.attempts >= maxAttempts ? null : retryDelay(row.attempts, backoff);
    await recordFailure(db, claim, {
      deliveredTo: [...row.deliveredTo, ...results.filter((r) => r.error === undefined).map((r) => r.name)],
      error: failed.map((r) => `${r.name}: ${r.error}`).join('\n'),
      retryInMs,
    });
    if (retryInMs === null)
      logger.error({ eventId: row.id, event: row.type, attempts: row.attempts }, 'event given up');
    else after(retryInMs + 50, () => void wake());
    return undefined;
  }

  function after(ms: number, run: () => void, repeat = false): void {
    const timer = (repeat ? setInterval : setTimeout)(() => {
      if (!repeat) timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    timers.add(timer);
  }

  // One pass at a time; stop() waits for the one under way.
  function prunePass(): void {
    pruning ??= prune().finally(() => (pruning = undefined));
  }

  async function prune(): Promise<void> {
    try {
      const deleted = await pruneOutbox(db, { olderThanHours: options.keepHours ?? 168 });
      if (deleted) logger.info({ deleted }, 'pruned settled events');
    } catch (err) {
      logger.warn({ err }, 'pruning the event outbox failed');
    }
  }

  return {
    async start() {
      if (deps.handle.kind === 'pglite') {
        const released = await releaseStaleClaims(db);
        if (released) logger.warn({ released }, 'events claimed by a stopped process are due again');
      }
      stopWaking = deps.events.onCommit(() => void wake());
      after(options.pollMs ?? 5_000, () => void wake(), true);
      after(options.pruneEveryMs ?? 3_600_000, prunePass, true);
      prunePass();
      void wake();
    },
    async drain() {
      while (running) await running;
      await wake();
    },
    async stop() {
      stopped = true;
      stopWaking?.();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all([running, pruning]);
    },
  };
}
