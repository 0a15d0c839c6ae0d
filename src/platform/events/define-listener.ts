import type { AppDeps } from '../http/app-env.js';
import type { JobQueue } from '../jobs/index.js';
import type { DomainEvent, EventType } from './define-events.js';

export type ListenerDeps = AppDeps & { jobs: Pick<JobQueue<any>, 'send'> };

/**
 * A side effect of an event, run by the outbox dispatcher after the event's transaction committed.
 * Delivery is at least once, in whichever process (`earshot serve`, `earshot worker`) claims the
 * event: a crash after the listener ran but before its success was recorded runs it again, so
 * each listener must be idempotent — send jobs with `{ id: deliveryId(event, name) }`, upsert rows
 * keyed by the event. Events of one workspace are not guaranteed to arrive in order (a failed one is
 * retried later while later ones go on), so read current state rather than trusting the sequence.
 * A listener that throws or takes longer than the dispatcher's timeout is retried with back-off;
 * the others of the same event are not run again. The name identifies the listener in logs and
 * in the outbox's `delivered_to`, so keep it stable.
 */
export type ListenerDefinition<T extends EventType = EventType> = {
  name: string;
  on: readonly T[];
  handle(event: DomainEvent<T>, deps: ListenerDeps): Promise<void>;
};

export const defineListener = <const T extends EventType>(listener: ListenerDefinition<T>) =>
  listener as unknown as ListenerDefinition;
