import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readdirSync, type Stats } from 'node:fs';
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

/**
 * Takes group and other permissions off everything under a folder: files an older release, or a
 * loose umask, left readable or writable by other local users.
 */
export function makeTreePrivate(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    const mode = lstatSync(full).mode & 0o777;
    if (mode & 0o077) chmodSync(full, mode & 0o700);
    if (entry.isDirectory()) makeTreePrivate(full);
  }
}

/**
 * Before the CLI sends anything (a new user's password, say) through the admin socket: the
 * socket and its folder must be this user's and closed to everyone else. In the shared temp
 * folder another local user could have created the folder first and be listening there.
 * Answers false when there is no socket (no server is running); throws when one is there but
 * cannot be trusted.
 */
export function isTrustedSocket(socketPath: string): boolean {
  const dir = path.dirname(socketPath);
  const folder = statIfPresent(dir);
  if (!folder) return false;
  const refuse = (why: string) => {
    throw new Error(`Refusing to use the admin socket ${socketPath}: ${why}`);
  };
  if (!folder.isDirectory()) refuse(`${dir} is not a folder`);
  if (!ownedByMe(folder)) refuse(`${dir} belongs to another user`);
  if (folder.mode & 0o077) refuse(`${dir} is open to other users (mode ${modeOf(folder)}; it must be 700)`);
  const socket = statIfPresent(socketPath);
  if (!socket) return false;
  if (!socket.isSocket()) refuse('it is not a socket');
  if (!ownedByMe(socket)) refuse('it belongs to another user');
  return true;
}

function statIfPresent(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

const ownedByMe = (stat: Stats): boolean =>
  typeof process.getuid !== 'function' || stat.uid === process.getuid();

const modeOf = (stat: Stats): string => (stat.mode & 0o777).toString(8);
