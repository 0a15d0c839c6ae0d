import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/env.js';
import { forwardToServer } from './admin/client.js';
import { pgliteDir } from './data-paths.js';
import { openDatabase } from './open-database.js';

// Other local users must not read or swap what Earshot keeps on disk.
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'earshot-files-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const modeOf = (file: string) => statSync(file).mode & 0o777;

function looseFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => modeOf(file) & 0o077);
}

async function listeningSocket(socketPath: string) {
  const server = net.createServer((socket) => socket.end('{"ok":true,"result":"from someone"}\n'));
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
}

describe('local files', () => {
  it('makes an existing data folder 0700 and keeps the embedded database private', async () => {
    const dataDir = path.join(folder(), 'data');
    mkdirSync(dataDir, { mode: 0o777 });
    chmodSync(dataDir, 0o777);
    const config = parseConfig({ EARSHOT_DATA_DIR: dataDir, SESSION_SECRET: 's'.repeat(40) });
    const opened = await openDatabase(config, { command: 'earshot test' });
    cleanups.push(() => opened.close());
    await opened.handle.db.execute('CREATE TABLE t (x int)');
    await opened.handle.db.execute('INSERT INTO t VALUES (1)');
    expect(modeOf(dataDir).toString(8)).toBe('700');
    expect(modeOf(pgliteDir(dataDir)).toString(8)).toBe('700');
    expect(looseFiles(pgliteDir(dataDir))).toEqual([]);
  }, 30_000);

  it('closes an existing data folder and session secret that other users could read (PostgreSQL too)', () => {
    const dataDir = path.join(folder(), 'data');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    writeFileSync(path.join(dataDir, 'session-secret'), 'k'.repeat(64), { mode: 0o644 });
    chmodSync(path.join(dataDir, 'session-secret'), 0o644);
    parseConfig({ EARSHOT_DATA_DIR: dataDir, DATABASE_URL: 'postgres://localhost/x' });
    expect(modeOf(dataDir).toString(8)).toBe('700');
    expect(modeOf(path.join(dataDir, 'session-secret')).toString(8)).toBe('600');
  });

  it('refuses an admin socket whose folder other users may enter', async () => {
    const dir = path.join(folder(), 'earshot-shared');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    const socketPath = path.join(dir, 'admin.sock');
    await listeningSocket(socketPath);
    await expect(forwardToServer(socketPath, { command: 'user.add', args: {} })).rejects.toThrow(
      /open to other users/,
    );
  });

  it.runIf(process.getuid?.() === 0)(
    'refuses an admin socket folder that belongs to another user',
    async () => {
      const dir = path.join(folder(), 'earshot-taken');
      mkdirSync(dir, { mode: 0o700 });
      const socketPath = path.join(dir, 'admin.sock');
      await listeningSocket(socketPath);
      chownSync(dir, 65534, 65534);
      await expect(forwardToServer(socketPath, { command: 'user.add', args: {} })).rejects.toThrow(
        /belongs to another user/,
      );
    },
  );

  it('finds no server where there is no socket folder', async () => {
    const socketPath = path.join(folder(), 'absent', 'admin.sock');
    await expect(forwardToServer(socketPath, { command: 'user.add', args: {} })).resolves.toEqual({
      answered: false,
    });
  });
});
