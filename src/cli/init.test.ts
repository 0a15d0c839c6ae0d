import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/env.js';
import { startServer } from '../app/start-server.js';
import { prepareTestTarget, type TestTarget } from '../../test/support/test-target.js';
import { runCaptured } from '../../test/support/run-captured.js';

// Response bodies are checked field by field, so their static type does not matter here.
const body = async (res: Response): Promise<any> => res.json();

let target: TestTarget;
beforeAll(async () => {
  target = await prepareTestTarget();
}, 60_000);
afterAll(() => target?.close());

const password = 'correct horse battery';
const run = (...argv: string[]) => runCaptured(argv, target.env);

// Talks to a real server on the same database, the way an integration would.
async function withServer<T>(work: (url: string) => Promise<T>): Promise<T> {
  const server = await startServer({ config: parseConfig(target.env), workers: false });
  try {
    return await work(server.url.replace('localhost', '127.0.0.1'));
  } finally {
    await server.close();
  }
}

const me = (url: string, key: string) =>
  fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });

describe('earshot init, user add, apikey create', () => {
  let workspaceId: string;
  let ownerKey: string;
  let agentKey: string;

  it('creates a workspace and prints exactly {"workspaceId","apiKey"} on one line with --json', async () => {
    const result = await run(
      'init',
      '--workspace',
      'Acme',
      '--admin',
      'admin@acme.test',
      '--password',
      password,
      '--json',
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed)).toEqual(['workspaceId', 'apiKey']);
    expect(printed.workspaceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(printed.apiKey).toMatch(/^esk_/);
    ({ workspaceId, apiKey: ownerKey } = printed);
  });

  it('explains itself in text without --json', async () => {
    const result = await run(
      'init',
      '--workspace',
      'Beta',
      '--admin',
      'admin@acme.test',
      '--password',
      password,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Created workspace "Beta" \(id [0-9a-f-]{36}\)\.\n/);
    expect(result.stdout).toContain('Owner: admin@acme.test, who already had an account');
    expect(result.stdout).toMatch(/API key with the owner role \(shown once; store it now\):\n {2}esk_\S+\n/);
  });

  it('adds a person and creates a key with a chosen role', async () => {
    const added = await run(
      'user',
      'add',
      '--workspace',
      workspaceId,
      '--email',
      'ana@acme.test',
      '--name',
      'Ana Lima',
      '--role',
      'agent',
      '--password',
      password,
      '--json',
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      workspaceId,
      email: 'ana@acme.test',
      name: 'Ana Lima',
      role: 'agent',
    });

    const key = await run(
      'apikey',
      'create',
      '--workspace',
      workspaceId,
      '--name',
      'CRM sync',
      '--role',
      'agent',
      '--json',
    );
    expect(key.code).toBe(0);
    const printed = JSON.parse(key.stdout);
    expect(printed).toMatchObject({ workspaceId, name: 'CRM sync', role: 'agent' });
    agentKey = printed.apiKey;

    const text = await run('apikey', 'create', '--workspace', workspaceId, '--name', 'Backup');
    expect(text.stdout).toMatch(
      /^Created API key "Backup" with the admin role \(id [0-9a-f-]{36}\)\.\nStore it now; it is not shown again:\n {2}esk_\S+\n$/,
    );
  });

  it('prints keys that work against the API', async () => {
    await withServer(async (url) => {
      const owner = await me(url, ownerKey);
      expect(owner.status).toBe(200);
      expect(await body(owner)).toMatchObject({
        workspace: { id: workspaceId, name: 'Acme', role: 'owner' },
        auth: 'api_key',
      });
      const agent = await me(url, agentKey);
      expect(agent.status).toBe(200);
      expect((await body(agent)).workspace.role).toBe('agent');
    });
  });

  it('reports a failed operation with its invalid params, or as a problem object with --json', async () => {
    const text = await run('init', '--workspace', 'X', '--admin', 'not-an-email', '--password', 'short');
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toBe(
      'error: Invalid value for: admin, password\n  admin: Invalid email address\n  password: must be at least 10 characters\n',
    );

    const json = await run(
      'init',
      '--workspace',
      'X',
      '--admin',
      'not-an-email',
      '--password',
      'short',
      '--json',
    );
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      invalid_params: [{ name: 'admin' }, { name: 'password' }],
    });

    const missing = await run(
      'user',
      'add',
      '--workspace',
      '00000000-0000-4000-8000-000000000000',
      '--email',
      'bo@acme.test',
    );
    expect(missing).toMatchObject({ code: 1, stderr: 'error: Workspace not found\n' });
  });

  it('exits 64 with the usage message for invalid arguments', async () => {
    const result = await run('init', '--workspace', 'X', '--password', password);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain("error: required option '--admin <email>' not specified");

    const role = await run(
      'user',
      'add',
      '--workspace',
      workspaceId,
      '--email',
      'x@acme.test',
      '--role',
      'wizard',
    );
    expect(role.code).toBe(64);
    expect(role.stderr).toContain("error: option '--role <role>' argument 'wizard' is invalid");

    expect((await run('frobnicate')).code).toBe(64);
    expect((await run('--help')).code).toBe(0);
  });

  it('exits 78 naming the variable when the configuration is wrong', async () => {
    const result = await runCaptured(['migrate'], { ...target.env, PORT: 'eighty' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('PORT:');
  });

  it('refuses `worker` on the embedded database, saying why', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'earshot-worker-'));
    try {
      const result = await runCaptured(['worker'], { EARSHOT_DATA_DIR: dir, SESSION_SECRET: 's'.repeat(40) });
      expect(result.code).toBe(78);
      expect(result.stderr).toMatch(/^error: earshot worker needs PostgreSQL: set DATABASE_URL/);
      expect(result.stderr).toContain('`earshot serve` runs the job workers in its own process');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports the schema as up to date', async () => {
    const result = await run('migrate', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      database: target.embedded ? 'pglite' : 'pg',
      applied: 0,
    });
  });
});
