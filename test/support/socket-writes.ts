import net from 'node:net';

/**
 * Counts the socket writes (system calls, a corked batch being one) made while `run` runs, so a
 * test can tell how many times a transaction went to the database. `writes()` reads the count so far.
 */
export async function countSocketWrites<T>(run: (writes: () => number) => Promise<T>): Promise<number> {
  const socket = net.Socket.prototype as unknown as { _writeGeneric: (...args: unknown[]) => unknown };
  const write = socket._writeGeneric;
  let writes = 0;
  socket._writeGeneric = function (this: unknown, ...args: unknown[]) {
    writes++;
    return write.apply(this, args);
  };
  try {
    await run(() => writes);
    return writes;
  } finally {
    socket._writeGeneric = write;
  }
}
