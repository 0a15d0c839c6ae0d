import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/env.js';
import { AppError } from '../errors.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { lockFilePath } from './data-paths.js';
import { openDatabase } from './open-database.js';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'earshot-lock-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// A pid that certainly belonged to a process that has exited.
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

// A pid that exited but was never reaped: its parent (sh, replaced by sleep) never waits for it,
// as a supervisor that has not yet noticed a kill -9 does not.
async function zombiePid(): Promise<number> {
  const parent = spawn('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 5'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  parents.push(parent);
  const pid = await new Promise<number>((resolve) =>
    parent.stdout!.once('data', (d) => resolve(Number(String(d).trim()))),
  );
  for (let i = 0; i < 100 && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z '); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return pid;
}
const parents: ChildProcess[] = [];
afterEach(() => {
  for (const parent of parents.splice(0)) parent.kill();
});

function lockedBy(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the folder to be locked');
}

describe('data folder lock', () => {
  it('records who holds the folder and refuses a second holder with a message naming them', () => {
    const dir = folder();
    const lock = acquireDataDirLock(dir, 'earshot serve');
    const content = JSON.parse(readFileSync(lockFilePath(dir), 'utf8'));
    expect(content).toMatchObject({ pid: process.pid, command: 'earshot serve' });

    const err = lockedBy(() => acquireDataDirLock(dir, 'earshot init'));
    expect(err.code).toBe('DATA_DIR_LOCKED');
    expect(err.message).toBe(
      `The data folder ${dir} is in use by process ${process.pid} (earshot serve); stop it or run the command while it runs — CLI commands are forwarded to it`,
    );

    lock.release();
    expect(existsSync(lockFilePath(dir))).toBe(false);
    acquireDataDirLock(dir, 'earshot init').release();
  });

  it('tells the operator to wait when a CLI command holds the folder', () => {
    const dir = folder();
    const lock = acquireDataDirLock(dir, 'earshot demo');
    expect(lockedBy(() => acquireDataDirLock(dir, 'earshot serve')).message).toMatch(
      /in use by process \d+ \(earshot demo\); wait for it to finish/,
    );
    lock.release();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = folder();
    const pid = await deadPid();
    writeFileSync(
      lockFilePath(dir),
      JSON.stringify({
        pid,
        command: 'earshot serve',
        hostname: os.hostname(),
        startedAt: '2020-01-01T00:00:00Z',
      }),
    );

    const lock = acquireDataDirLock(dir, 'earshot serve');
    expect(JSON.parse(readFileSync(lockFilePath(dir), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it.runIf(process.platform === 'linux')(
    'takes over a lock whose holder is a zombie, as right after kill -9',
    async () => {
      const dir = folder();
      const pid = await zombiePid();
      expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toContain(') Z ');
      writeFileSync(
        lockFilePath(dir),
        JSON.stringify({
          pid,
          command: 'earshot serve',
          hostname: os.hostname(),
          startedAt: '2020-01-01T00:00:00Z',
        }),
      );

      const lock = acquireDataDirLock(dir, 'earshot serve');
      expect(JSON.parse(readFileSync(lockFilePath(dir), 'utf8')).pid).toBe(process.pid);
      lock.release();
    },
  );

  it('never removes a lock that is no longer its own', () => {
    const dir = folder();
    const lock = acquireDataDirLock(dir, 'earshot serve');
    const other = JSON.stringify({
      pid: 1,
      command: 'earshot serve',
      hostname: os.hostname(),
      startedAt: 'later',
    });
    writeFileSync(lockFilePath(dir), other);
    lock.release();
    expect(readFileSync(lockFilePath(dir), 'utf8')).toBe(other);
  });

  it('refuses to open a locked embedded database before touching its files', async () => {
    const dir = folder();
    const lock = acquireDataDirLock(dir, 'earshot serve');
    const config = parseConfig({ EARSHOT_DATA_DIR: dir, SESSION_SECRET: 's'.repeat(40) });
    await expect(openDatabase(config, { command: 'earshot migrate' })).rejects.toMatchObject({
      code: 'DATA_DIR_LOCKED',
    });
    expect(existsSync(path.join(dir, 'pglite'))).toBe(false);
    lock.release();
  });
});
