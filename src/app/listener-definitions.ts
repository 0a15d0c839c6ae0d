import type { ListenerDefinition } from '../platform/events/define-listener.js';
import { modules } from './modules.js';
import type { ModuleDefinition } from '../platform/modules/define-module.js';

// Every module's listeners. Every process that dispatches events runs all of them, so an event is
// handled the same whichever process claims it.
export const listenerDefinitions: readonly ListenerDefinition[] = modules.flatMap(
  (m: ModuleDefinition) => m.listeners ?? [],
);
