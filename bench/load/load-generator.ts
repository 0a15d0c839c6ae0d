import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadOptions, LoadResult } from './load-options.js';

export type { LoadOptions, LoadResult } from './load-options.js';

const workerFile = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

// The child needs the TypeScript loader whichever way this process was started
// (`tsx bench/run-all.ts` or `node --import tsx ...`).
const loaderArgs = () =>
  process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : ['--import', 'tsx'];

// Forks a load-generating process against a server this process is already serving, waits for
// its figures, and makes sure the child is gone afterwards.
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(workerFile, [], {
      execArgv: loaderArgs(),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    const finish = (error: Error | null, result?: LoadResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (error) reject(error);
      else resolve(result!);
    };
    const guard = setTimeout(
      () => finish(new Error('load generator did not report in time')),
      options.warmupMs + options.durationMs + 30_000,
    );
    child.once('message', (m: { ok: boolean; result?: LoadResult; error?: string }) =>
      m.ok ? finish(null, m.result) : finish(new Error(`load generator failed: ${m.error}`)),
    );
    child.once('error', (e) => finish(e));
    child.once('exit', (code) =>
      finish(new Error(`load generator exited with code ${code} before reporting`)),
    );
    child.send(options);
  });
}
