import http from 'node:http';
import type { LoadOptions, LoadResult } from './load-options.js';

// Runs in its own process, so the server under test keeps a whole event loop to itself and the
// client's own CPU cost does not show up as server latency.

const MAX_ERROR_SAMPLES = 5;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export async function generateLoad(o: LoadOptions): Promise<LoadResult> {
  const cpu = process.cpuUsage();
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
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

  const once = (path: string, body: string | undefined) =>
    new Promise<void>((resolve) => {
      const headers: Record<string, string | number> = { ...o.headers };
      if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
      const sent = performance.now();
      const req = http.request(
        { agent, host: o.host, port: o.port, method: o.method, path, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const done = performance.now();
            answered++;
            if (done >= measureFrom && done < measureUntil) {
              if (res.statusCode !== o.expectStatus)
                fail(`${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`);
              else if (measured < o.maxRequests) {
                latencies[measured++] = done - sent;
                if (measured === o.maxRequests) capReachedAt = done;
              }
            } else if (res.statusCode !== o.expectStatus) {
              // A failure during warm-up is still a failure of the target.
              fail(`${res.statusCode} (warm-up) ${Buffer.concat(chunks).toString().slice(0, 300)}`);
            }
            resolve();
          });
          res.on('error', (e) => {
            fail(`response error: ${e.message}`);
            resolve();
          });
        },
      );
      req.on('error', (e) => {
        fail(`request error: ${e.message}`);
        resolve();
      });
      req.end(body);
    });

  const client = async (path: string) => {
    let n = 0;
    while (!stopped && performance.now() < measureUntil && measured < o.maxRequests) {
      await once(path, o.body?.replaceAll('{n}', String(++n)));
    }
  };

  // A backstop in case the target stops answering: in-flight requests are abandoned.
  const deadline = setTimeout(
    () => {
      stopped = true;
      agent.destroy();
    },
    o.warmupMs + o.durationMs + 10_000,
  );
  await Promise.all(Array.from({ length: o.connections }, (_, i) => client(o.paths[i % o.paths.length]!)));
  clearTimeout(deadline);
  agent.destroy();

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
