import type { ListenerDeps } from '../platform/events/define-listener.js';
import { modules } from './modules.js';

// Hangs every module's listeners on the event bus of this process. Returns what removes them.
export function registerListeners(deps: ListenerDeps): () => void {
  const disposers = modules.flatMap((m) =>
    ('listeners' in m ? m.listeners : []).flatMap((listener) =>
      listener.on.map((type) =>
        deps.events.on(type, async (event) => {
          try {
            await listener.handle(event, deps);
          } catch (err) {
            deps.logger.error({ err, listener: listener.name, event: event.type }, 'event listener failed');
            throw err;
          }
        }),
      ),
    ),
  );
  return () => {
    for (const dispose of disposers) dispose();
  };
}
