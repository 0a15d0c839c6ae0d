import {
  createDispatcher,
  type Dispatcher,
  type DispatcherOptions,
} from '../platform/events/create-dispatcher.js';
import type { ListenerDeps } from '../platform/events/define-listener.js';
import { listenerDefinitions } from './listener-definitions.js';

// The outbox dispatcher with every module's listeners, as `earshot serve` (with workers) and
// `earshot worker` run it. Returns once it has started; stop it before the database closes.
export async function startDispatcher(
  deps: ListenerDeps,
  options: Omit<DispatcherOptions, 'listeners' | 'deps'> = {},
): Promise<Dispatcher> {
  const dispatcher = createDispatcher({ ...options, listeners: listenerDefinitions, deps });
  await dispatcher.start();
  return dispatcher;
}
