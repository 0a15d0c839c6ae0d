import type { AppDeps } from '../http/app-env.js';
import type { JobQueue } from '../jobs/index.js';
import type { DomainEvent, EventType } from './define-events.js';

export type ListenerDeps = AppDeps & { jobs: Pick<JobQueue<any>, 'send'> };

/**
 * A side effect of an event. Listeners run at least once, in whichever process dispatches the
 * event, so each must be idempotent (a job with a singleton key, an upsert); the name identifies
 * the listener in logs and delivery records, so keep it stable.
 */
export type ListenerDefinition<T extends EventType = EventType> = {
  name: string;
  on: readonly T[];
  handle(event: DomainEvent<T>, deps: ListenerDeps): Promise<void>;
};

export const defineListener = <const T extends EventType>(listener: ListenerDefinition<T>) =>
  listener as unknown as ListenerDefinition;
