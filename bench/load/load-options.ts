// Shared between the parent that starts a load run and the child process that generates it.

export type LoadOptions = {
  host: string;
  port: number;
  method: 'GET' | 'POST';
  // One path per connection: each client keeps to its own target (its own conversation), so
  // the run measures throughput rather than row-lock queueing between clients.
  paths: string[];
  headers: Record<string, string>;
  // `{n}` is replaced by a per-client counter so successive bodies differ.
  body?: string;
  connections: number;
  warmupMs: number;
  durationMs: number;
  // A hard cap on measured requests, so a very fast target cannot exhaust memory.
  maxRequests: number;
  expectStatus: number;
};

export type LoadResult = {
  requests: number;
  /** Every answer, warm-up included: what the target did while the run lasted. */
  answered: number;
  errors: number;
  errorSamples: string[];
  elapsedMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /**
   * The load generator's own CPU time (user and system, its process's start-up left out) over the
   * run: it shares the machine with the server, so each millisecond here is one the server lacks.
   */
  cpuMs: number;
};

/** The load generator's CPU time per answered request (the apparatus's cost, not the server's). */
export const generatorCpuMsPerRequest = (r: LoadResult): number => r.cpuMs / Math.max(1, r.answered);
