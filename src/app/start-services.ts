import type { ListenerDeps } from '../platform/events/define-listener.js';
import type { ModuleDefinition, ServiceDefinition } from '../platform/modules/define-module.js';
import { modules } from './modules.js';

const moduleServices: readonly ServiceDefinition[] = modules.flatMap(
  (m: ModuleDefinition) => m.services ?? [],
);

// Starts every module service meant for this kind of process, in module order, and returns what
// stops them again (in reverse). A service that fails to start stops the ones started before it.
export async function startServices(
  deps: ListenerDeps,
  processKind: 'server' | 'worker',
  services: readonly ServiceDefinition[] = moduleServices,
): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse().splice(0)) await stop();
  };
  try {
    for (const service of services.filter((s) => s.runIn.includes(processKind))) {
      stops.push(await service.start(deps));
      deps.logger.info({ service: service.name }, 'service started');
    }
  } catch (err) {
    await stopAll();
    throw err;
  }
  return stopAll;
}

/** Loads what modules need later, in the background; a failure here shows again on first use. */
export function warmUpModules(): Promise<unknown> {
  return Promise.allSettled(modules.map((m: ModuleDefinition) => m.warmUp?.()));
}
