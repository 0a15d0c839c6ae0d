const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type ShutdownSignal = (typeof SIGNALS)[number];

// The first signal asks for a clean stop (data flushed, lock released); a second one means the
// operator is done waiting.
export function onShutdownSignal(handler: (signal: ShutdownSignal) => void): () => void {
  let received = false;
  const listener = (signal: ShutdownSignal) => {
    if (received) {
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    received = true;
    handler(signal);
  };
  for (const signal of SIGNALS) process.on(signal, listener);
  return () => {
    for (const signal of SIGNALS) process.off(signal, listener);
  };
}
