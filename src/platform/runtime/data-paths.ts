import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The embedded database lives in a folder of its own so the lock, the admin socket and the
// session secret beside it can never be mistaken for PostgreSQL's files.
export const pgliteDir = (dataDir: string): string => path.join(dataDir, 'pglite');

export const lockFilePath = (dataDir: string): string => path.join(dataDir, 'earshot.lock');

// Unix socket paths are limited to about 107 bytes; past that the socket moves to a private
// folder in the temp dir, named after the data folder so every process finds the same one.
const MAX_SOCKET_PATH = 100;

export function adminSocketPath(dataDir: string): string {
  const local = path.join(dataDir, 'run', 'admin.sock');
  if (Buffer.byteLength(local) <= MAX_SOCKET_PATH) return local;
  const digest = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(os.tmpdir(), `earshot-${uid}-${digest}`, 'admin.sock');
}

// Only this machine's user may reach what is inside: a folder shared with others would let
// them swap the socket for their own.
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) throw new Error(`${dir} is not a folder`);
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
    throw new Error(`${dir} belongs to another user; refusing to use it`);
  }
  if ((stat.mode & 0o077) !== 0) chmodSync(dir, 0o700);
}
