import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/env.js';
import { acquireDataDirLock } from '../platform/runtime/data-dir-lock.js';
import { adminSocketPath, lockFilePath } from '../platform/runtime/data-paths.js';
import { startServer, type RunningServer } from '../app/start-server.js';
import { prepareTestTarget, type TestTarget } from '../../test/support/test-target.js';
import { runCaptured } from '../../test/support/run-captured.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const password = 'correct horse battery';

// Forwarding is how the embedded database stays single-writer while the CLI keeps working, so
// these tests always use a data folder, on a PostgreSQL run too.
// Response bodies are checked field by field, so their static type does not matter here.
const body = async (res: Response): Promise<any> => res.json();

let target: TestTarget;
let server: RunningServer;
let url: string;
beforeAll(async () => {
  target = await prepareTestTarget({ embedded: true });
  server = await startServer({ config: parseConfig(target.env) });
  url = server.url.replace('localhost', '127.0.0.1');
}, 60_000);
afterAll(async () => {
  await server?.close();
  await target?.close();
}, 30_000);

const run = (...argv: string[]) => runCaptured(argv, target.env);
const get = (pathname: string, key: string) =>
  fetch(`${url}/api/v1${pathname}`, { headers: { authorization: `Bearer ${key}` } });

// The real command line, in a process of its own.
function earshot(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['bin/earshot.js', ...args], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('CLI commands while `earshot serve` holds the data folder', () => {
  it('keeps the admin socket private to this user', () => {
    const socket = adminSocketPath(target.dataDir);
    expect(statSync(socket).isSocket()).toBe(true);
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(socket)).mode & 0o777).toBe(0o700);
  });

  it('forwards init to the server, which creates the workspace with its own handle', async () => {
    // This process holds the lock, so the command can only have succeeded through the socket.
    const result = await run(
      'init',
      '--workspace',
      'Forwarded',
      '--admin',
      'fwd@acme.test',
      '--password',
      password,
      '--json',
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const { workspaceId, apiKey } = JSON.parse(result.stdout);
    const me = await get('/me', apiKey);
    expect(me.status).toBe(200);
    expect((await body(me)).workspace).toMatchObject({ id: workspaceId, name: 'Forwarded' });
  });

  it('forwards from a separate process started with `node bin/earshot.js`', async () => {
    const result = await earshot(
      ['init', '--workspace', 'From a shell', '--admin', 'shell@acme.test', '--password', password, '--json'],
      target.env,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { workspaceId, apiKey } = JSON.parse(result.stdout);
    expect(Object.keys(JSON.parse(result.stdout))).toEqual(['workspaceId', 'apiKey']);
    expect((await body(await get('/me', apiKey))).workspace.id).toBe(workspaceId);
  }, 60_000);

  it("forwards user add and apikey create, and brings the server's errors back", async () => {
    const { workspaceId } = JSON.parse(
      (
        await run(
          'init',
          '--workspace',
          'Team',
          '--admin',
          'lead@acme.test',
          '--password',
          password,
          '--json',
        )
      ).stdout,
    );
    const added = await run(
      'user',
      'add',
      '--workspace',
      workspaceId,
      '--email',
      'sam@acme.test',
      '--role',
      'supervisor',
      '--json',
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ email: 'sam@acme.test', role: 'supervisor' });

    const again = await run('user', 'add', '--workspace', workspaceId, '--email', 'sam@acme.test', '--json');
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stderr)).toMatchObject({
      code: 'ALREADY_MEMBER',
      detail: 'sam@acme.test is already a member',
    });

    const key = await run(
      'apikey',
      'create',
      '--workspace',
      workspaceId,
      '--name',
      'Reports',
      '--role',
      'executive',
      '--json',
    );
    const { apiKey } = JSON.parse(key.stdout);
    expect((await body(await get('/me', apiKey))).workspace.role).toBe('executive');
  });

  it('forwards the demo load and answers requests while it runs', async () => {
    const loading = run('demo', '--json');
    const health = await fetch(`${url}/api/v1/health`);
    expect(health.status).toBe(200);
    const result = await loading;
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed)).toEqual(['workspaceId', 'apiKey', 'customers', 'conversations', 'messages']);
    expect(printed).toMatchObject({ customers: 200, conversations: 1000 });
    const list = await get('/conversations?limit=5', printed.apiKey);
    expect(list.status).toBe(200);
    expect((await body(list)).data).toHaveLength(5);
  }, 120_000);

  it('refuses a second server on the same folder', async () => {
    await expect(startServer({ config: parseConfig(target.env) })).rejects.toMatchObject({
      code: 'DATA_DIR_LOCKED',
      message: expect.stringContaining(
        '(earshot serve); stop it or run the command while it runs — CLI commands are forwarded to it',
      ),
    });
  });
});

describe('a folder locked by a process that does not answer', () => {
  it('gets the clear error and exit code 75, without opening the folder', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'earshot-silent-'));
    const lock = acquireDataDirLock(dir, 'earshot serve');
    try {
      const result = await runCaptured(
        ['init', '--workspace', 'X', '--admin', 'x@acme.test', '--password', password],
        {
          EARSHOT_DATA_DIR: dir,
          SESSION_SECRET: 's'.repeat(40),
        },
      );
      expect(result.code).toBe(75);
      expect(result.stderr).toBe(
        `error: The data folder ${dir} is in use by process ${process.pid} (earshot serve); stop it or run the command while it runs — CLI commands are forwarded to it\n`,
      );
      expect(existsSync(path.join(dir, 'pglite'))).toBe(false);
    } finally {
      lock.release();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('after the server stops', () => {
  it('releases the folder and removes the socket, so commands open it directly', async () => {
    await server.close();
    expect(existsSync(lockFilePath(target.dataDir))).toBe(false);
    expect(existsSync(adminSocketPath(target.dataDir))).toBe(false);
    const result = await run(
      'init',
      '--workspace',
      'Offline',
      '--admin',
      'offline@acme.test',
      '--password',
      password,
      '--json',
    );
    expect(result.code).toBe(0);
    expect(existsSync(lockFilePath(target.dataDir))).toBe(false);
  }, 60_000);
});
