import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { AppError } from '../errors.js';
import { ensurePrivateDir, lockFilePath } from './data-paths.js';

// PGlite has no protection of its own against two processes opening one folder, and two
// writers corrupt it. This lock file is that protection.

export type LockHolder = { pid: number; command: string; hostname: string; startedAt: string };
export type DataDirLock = { readonly holder: LockHolder; release(): void };

const ATTEMPTS = 20;
const ABANDONED_TAKEOVER_MS = 10_000;
const FRESH_UNREADABLE_MS = 500;

export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  // 0700 even when the folder already existed with a looser mode: it holds the database, the
  // session secret and the admin socket.
  ensurePrivateDir(dataDir);
  const file = lockFilePath(dataDir);
  const me: LockHolder = {
    pid: process.pid,
    command,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  const content = JSON.stringify(me);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (tryCreate(file, content)) return holding(file, me, content);
    const seen = readRaw(file);
    if (seen === undefined) continue; // released between our attempt and the read
    const holder = parseHolder(seen);
    if (holder && isAlive(holder)) throw lockedError(dataDir, holder);
    // Without hard links a lock is briefly empty while its owner writes it.
    if (!holder && ageMs(file) < FRESH_UNREADABLE_MS) {
      pause(25);
      continue;
    }
    if (!removeStale(file, seen)) pause(25);
  }
  throw new AppError('DATA_DIR_LOCKED', {
    message: `Could not take the lock on ${dataDir}; another process keeps taking it`,
  });
}

export function readLockHolder(dataDir: string): LockHolder | undefined {
  const raw = readRaw(lockFilePath(dataDir));
  return raw === undefined ? undefined : parseHolder(raw);
}

export function lockedError(dataDir: string, holder: LockHolder): AppError {
  const who = `process ${holder.pid} (${holder.command})${holder.hostname === os.hostname() ? '' : ` on ${holder.hostname}`}`;
  const advice =
    holder.command === 'earshot serve'
      ? 'stop it or run the command while it runs — CLI commands are forwarded to it'
      : 'wait for it to finish or stop it';
  return new AppError('DATA_DIR_LOCKED', {
    message: `The data folder ${dataDir} is in use by ${who}; ${advice}`,
  });
}

// The content is written to a private file first and hard-linked into place: link() fails if
// the lock exists, and a reader never sees a lock file without its pid.
function tryCreate(file: string, content: string): boolean {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, content, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(draft, file);
    return true;
  } catch (err) {
    if (code(err) === 'EEXIST') return false;
    // Some file systems have no hard links; an exclusive create is still exclusive.
    if (['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV'].includes(code(err) ?? ''))
      return createDirectly(file, content);
    throw err;
  } finally {
    rmSync(draft, { force: true });
  }
}

function createDirectly(file: string, content: string): boolean {
  try {
    writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (err) {
    if (code(err) === 'EEXIST') return false;
    throw err;
  }
}

// Two processes may find the same stale lock; a second exclusive file decides which one
// replaces it, so neither deletes the lock the other has just taken.
function removeStale(file: string, seen: string): boolean {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx', 0o600);
  } catch (err) {
    if (code(err) !== 'EEXIST') throw err;
    if (ageMs(guard) > ABANDONED_TAKEOVER_MS) rmSync(guard, { force: true });
    return false;
  }
  try {
    if (readRaw(file) === seen) rmSync(file, { force: true });
    return true;
  } finally {
    closeSync(fd);
    rmSync(guard, { force: true });
  }
}

function holding(file: string, holder: LockHolder, content: string): DataDirLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // Only our own lock: after a takeover by mistake the file may be someone else's.
    if (readRaw(file) === content) rmSync(file, { force: true });
  };
  // Covers process.exit() and uncaught errors; signals are handled by the caller's shutdown.
  process.on('exit', release);
  return { holder, release };
}

export function isAlive(holder: LockHolder): boolean {
  // A pid from another machine (a shared network folder) cannot be checked from here.
  if (holder.hostname !== os.hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    return code(err) === 'EPERM';
  }
  // A process killed with -9 keeps its pid as a zombie until its parent reaps it (a second or
  // two under a supervisor, forever under a careless one), and signal 0 still reaches it.
  return !isZombie(holder.pid);
}

/** Linux only: whether the process has exited and only its process-table entry is left. */
export function isZombie(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    // No /proc (macOS, Windows): signal 0 is all there is to go on.
    return false;
  }
  // "pid (command) state ...": the command may itself hold spaces and parentheses.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state === 'Z' || state === 'X';
}

function parseHolder(raw: string): LockHolder | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder>;
    if (!Number.isInteger(value.pid) || (value.pid as number) <= 0) return undefined;
    return {
      pid: value.pid as number,
      command: typeof value.command === 'string' ? value.command : 'unknown command',
      hostname: typeof value.hostname === 'string' ? value.hostname : os.hostname(),
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : '',
    };
  } catch {
    return undefined;
  }
}

function readRaw(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if (code(err) === 'ENOENT') return undefined;
    throw err;
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

// Lock-taking is synchronous (it runs before anything else starts), so the backoff is too.
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const code = (err: unknown): string | undefined => (err as NodeJS.ErrnoException)?.code;
