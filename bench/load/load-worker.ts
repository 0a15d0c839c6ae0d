import { KeepAliveConnection, type Answer } from './keep-alive-connection.js';
import type { LoadOptions, LoadResult } from './load-options.js';
import { requestSerialiser } from './serialise-request.js';

// Runs in its own process, so the server under test keeps a whole event loop to itself and the
// client's own CPU cost does not show up as server latency. The cores are still shared, so the
// client is lean: a socket of its own per client and a request head written once (node:http's
// client with an Agent cost two to three times the CPU a request).

const MAX_ERROR_SAMPLES = 5;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export async function generateLoad(o: LoadOptions): Promise<LoadResult> {
  const cpu = process.cpuUsage();
  const latencies = new Float64Array(o.maxRequests);
  let measured = 0;
  let answered = 0;
  let errors = 0;
  const errorSamples: string[] = [];
  const start = performance.now();
  const measureFrom = start + o.warmupMs;
  const measureUntil = measureFrom + o.durationMs;
  let stopped = false;
  let capReachedAt = 0;

  const fail = (sample: string) => {
    errors++;
    if (errorSamples.length < MAX_ERROR_SAMPLES) errorSamples.push(sample);
  };

  const record = (answer: Answer, sent: number) => {
    if ('error' in answer) return fail(answer.error);
    const done = performance.now();
    answered++;
    const wrong = answer.status !== o.expectStatus;
    if (done >= measureFrom && done < measureUntil) {
      if (wrong) fail(`${answer.status} ${answer.bodyStart.toString().slice(0, 300)}`);
      else if (measured < o.maxRequests) {
        latencies[measured++] = done - sent;
        if (measured === o.maxRequests) capReachedAt = done;
      }
    } else if (wrong) {
      // A failure during warm-up is still a failure of the target.
      fail(`${answer.status} (warm-up) ${answer.bodyStart.toString().slice(0, 300)}`);
    }
  };

  const connections: KeepAliveConnection[] = [];
  const client = async (path: string) => {
    const connection = new KeepAliveConnection(o.host, o.port, fail);
    connections.push(connection);
    const request = requestSerialiser(o, path);
    let n = 0;
    while (!stopped && performance.now() < measureUntil && measured < o.maxRequests) {
      const body = o.body?.replaceAll('{n}', String(++n));
      const sent = performance.now();
      record(await connection.send(request(body)), sent);
    }
    connection.close();
  };

  // A backstop in case the target stops answering: in-flight requests are abandoned.
  const deadline = setTimeout(
    () => {
      stopped = true;
      for (const connection of connections) connection.close('abandoned at the deadline');
    },
    o.warmupMs + o.durationMs + 10_000,
  );
  await Promise.all(Array.from({ length: o.connections }, (_, i) => client(o.paths[i % o.paths.length]!)));
  clearTimeout(deadline);

  // Hitting the request cap ends the window early; the rate is over the time actually measured.
  const elapsedMs = (capReachedAt || Math.min(performance.now(), measureUntil)) - measureFrom;
  const sorted = latencies.slice(0, measured).sort();
  const used = process.cpuUsage(cpu);
  return {
    requests: measured,
    answered,
    errors,
    errorSamples,
    elapsedMs,
    requestsPerSecond: elapsedMs > 0 ? (measured / elapsedMs) * 1000 : 0,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length ? sorted[sorted.length - 1]! : 0,
    cpuMs: (used.user + used.system) / 1000,
  };
}

// Should the parent die mid-run, there is nobody to report to and nothing left to load.
process.once('disconnect', () => process.exit(1));

process.once('message', (options: LoadOptions) => {
  generateLoad(options).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (error: unknown) => process.send!({ ok: false, error: String(error) }, () => process.exit(1)),
  );
});
