import type { DomainEvent } from './define-events.js';
import type { ListenerDefinition, ListenerDeps } from './define-listener.js';

export type ListenerOutcome = { name: string; error?: string };

// A listener that hangs counts as failed once its time is up, so one stuck dependency cannot
// hold the dispatcher (and every later event) hostage; it is retried like any failure.
export async function runListener(
  listener: ListenerDefinition,
  event: DomainEvent,
  deps: ListenerDeps,
  timeoutMs: number,
): Promise<ListenerOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([listener.handle(event, deps), timeout]);
    return { name: listener.name };
  } catch (err) {
    deps.logger.error(
      { err, listener: listener.name, event: event.type, eventId: event.id },
      'event listener failed',
    );
    return { name: listener.name, error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
