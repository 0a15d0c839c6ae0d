import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type StartupResult = { ms: number } | { skipped: string };

const root = fileURLToPath(new URL('..', import.meta.url));
const FIRST_START_LIMIT_MS = 60_000; // creates and migrates the data folder
const TIMED_START_LIMIT_MS = 30_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function healthy(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`, { signal: AbortSignal.timeout(1_000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

// If this process is interrupted, servers it started and their folders must not outlive it.
const live = new Set<ChildProcess>();
const folders = new Set<string>();
process.once('exit', () => {
  for (const child of live) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

type Started = { child: ChildProcess; output: () => string };

function start(dataDir: string, port: number): Started {
  const env: Record<string, string | undefined> = {
    ...process.env,
    EARSHOT_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  // Always the embedded database, even when this run's API figures are on PostgreSQL.
  delete env.DATABASE_URL;
  // Its own process group, so stopping it also stops anything it started.
  const child = spawn(process.execPath, ['bin/earshot.js', 'serve'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-2_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, output: () => tail };
}

async function stop({ child }: Started): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const killer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killer);
}

// The line that says why (an error message), not the stack trace under it.
function reason(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => /error/i.test(l) && !l.startsWith('at ')) ?? lines.at(-1);
  return line ? `: ${line.slice(0, 200)}` : '';
}

// Polls health until 200; gives up when the child exits or the limit passes.
async function untilHealthy(
  s: Started,
  port: number,
  limitMs: number,
  t0 = performance.now(),
): Promise<number> {
  while (performance.now() - t0 < limitMs) {
    if (s.child.exitCode !== null || s.child.signalCode !== null) {
      throw new Error(
        `\`earshot serve\` exited with ${s.child.signalCode ?? `code ${s.child.exitCode}`}${reason(s.output())}`,
      );
    }
    if (await healthy(port)) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no 200 from /api/v1/health within ${limitMs} ms`);
}

// Start-up as an operator sees it after a restart: from spawning `earshot serve` on an
// already-migrated embedded database to the first 200 from health. One untimed start creates
// and migrates the folder first.
export async function startupBench(): Promise<StartupResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-startup-'));
  folders.add(dataDir);
  const running: Started[] = [];
  const launch = (port: number) => {
    const s = start(dataDir, port);
    running.push(s);
    return s;
  };
  try {
    const warmPort = await freePort();
    const warm = launch(warmPort);
    await untilHealthy(warm, warmPort, FIRST_START_LIMIT_MS);
    await stop(warm);
    const port = await freePort();
    const t0 = performance.now();
    return { ms: await untilHealthy(launch(port), port, TIMED_START_LIMIT_MS, t0) };
  } catch (error) {
    return { skipped: (error as Error).message };
  } finally {
    await Promise.all(running.map(stop));
    rmSync(dataDir, { recursive: true, force: true });
    folders.delete(dataDir);
  }
}
