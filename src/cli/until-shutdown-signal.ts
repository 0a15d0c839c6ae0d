import { onShutdownSignal, type ShutdownSignal } from '../platform/runtime/shutdown-signals.js';

// Long-running commands (serve, worker) run until the operator or the service manager asks
// them to stop. The listener stays for the rest of the process, so a second signal during the
// clean stop forces the exit.
export function untilShutdownSignal(): Promise<ShutdownSignal> {
  return new Promise((resolve) => {
    onShutdownSignal(resolve);
  });
}
