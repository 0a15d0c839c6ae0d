import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { FIRST_WORKSPACE_HINT } from '../cli/commands/serve.js';
import { parseConfig } from '../config/env.js';
import { adminSocketPath, lockFilePath } from '../platform/runtime/data-paths.js';
import { executeAdminCommand } from './admin-commands.js';
import { startServer } from './start-server.js';
import { prepareTestTarget } from '../../test/support/test-target.js';
import { runCaptured } from '../../test/support/run-captured.js';
import { httpClient } from '../../test/support/http-client.js';
import { waitUntil } from '../../test/support/wait-until.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

type Serving = {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
};

function serve(env: Record<string, string>): Serving {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env, LOG_LEVEL: 'warn' };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['bin/earshot.js', 'serve'], { cwd: root, env: childEnv });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return { child, output: () => output, exited };
}

// Resolves with the first match of `pattern` in the output; fails if the process exits first
// or nothing matches within the limit.
function waitFor(serving: Serving, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = serving.output().match(pattern);
      if (match) done(() => resolve(match));
    };
    const timer = setTimeout(
      () => done(() => reject(new Error(`No ${pattern} within ${ms} ms:\n${serving.output()}`))),
      ms,
    );
    const onExit = (code: number | null) =>
      done(() => reject(new Error(`Exited with ${code} before ${pattern}:\n${serving.output()}`)));
    const done = (settle: () => void) => {
      clearTimeout(timer);
      serving.child.stdout.off('data', check);
      serving.child.off('exit', onExit);
      settle();
    };
    serving.child.stdout.on('data', check);
    serving.child.once('exit', onExit);
    check();
  });
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), ms)),
  );
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('earshot serve', () => {
  it('starts on the embedded database, tells how to create the first workspace, and stops cleanly on SIGTERM', async () => {
    const target = await prepareTestTarget({ embedded: true });
    onTestFinished(() => target.close());
    const started = performance.now();
    const serving = serve(target.env);
    const [, url] = await waitFor(
      serving,
      /Earshot is running at (http:\/\/\S+) \(embedded database in /,
      60_000,
    );
    const health = await fetch(`${url!.replace('localhost', '127.0.0.1')}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
    console.info(
      `earshot serve answered its first 200 ${Math.round(performance.now() - started)} ms after spawning (test machine, under test load)`,
    );

    expect(serving.output()).toContain(
      `No workspace yet. Create the first one from another terminal, while this keeps running:\n  ${FIRST_WORKSPACE_HINT}\n`,
    );
    expect(JSON.parse(readFileSync(lockFilePath(target.dataDir), 'utf8'))).toMatchObject({
      pid: serving.child.pid,
      command: 'earshot serve',
    });
    expect(existsSync(adminSocketPath(target.dataDir))).toBe(true);

    serving.child.kill('SIGTERM');
    expect(await within(serving.exited, 30_000, 'serve to exit')).toBe(0);
    expect(serving.output()).toContain('Received SIGTERM; stopping…\nStopped.\n');
    expect(existsSync(lockFilePath(target.dataDir))).toBe(false);
    expect(existsSync(adminSocketPath(target.dataDir))).toBe(false);
  }, 90_000);

  it.runIf(process.env.DATABASE_URL)(
    'starts on PostgreSQL without a lock or socket',
    async () => {
      const target = await prepareTestTarget();
      onTestFinished(() => target.close());
      const serving = serve(target.env);
      const [, url] = await waitFor(serving, /Earshot is running at (http:\/\/\S+) \(PostgreSQL/, 60_000);
      const health = await fetch(`${url!.replace('localhost', '127.0.0.1')}/api/v1/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'pg' });
      expect(existsSync(lockFilePath(target.dataDir))).toBe(false);
      serving.child.kill('SIGINT');
      expect(await within(serving.exited, 30_000, 'serve to exit')).toBe(0);
    },
    90_000,
  );
});

describe('earshot serve killed with SIGKILL', () => {
  it('scores a conversation resolved just before the kill once the server is started again on the same folder', async () => {
    const target = await prepareTestTarget({ embedded: true });
    onTestFinished(() => target.close());
    const running = /Earshot is running at (http:\/\/\S+) \(embedded database in /;
    const first = serve(target.env);
    const [, firstUrl] = await waitFor(first, running, 60_000);
    const init = await runCaptured(
      [
        'init',
        '--workspace',
        'Crash',
        '--admin',
        'crash@acme.test',
        '--password',
        'correct horse battery',
        '--json',
      ],
      target.env,
    );
    expect(init.code, init.stderr).toBe(0);
    const { apiKey: ownerKey } = JSON.parse(init.stdout) as { apiKey: string };
    // The customer's own words come in through a channel: a key allowed to speak for them.
    const created = await httpClient(firstUrl!, ownerKey)('POST', '/api-keys', {
      name: 'Chat',
      role: 'agent',
      permissions: ['conversations:impersonate-customer'],
    });
    expect(created.status).toBe(201);
    const apiKey = created.json.key as string;
    const call = httpClient(firstUrl!, apiKey);
    const customer = await call('POST', '/customers', { name: 'Kim Killed' });
    const conversation = await call('POST', '/conversations', {
      customerId: customer.json.id,
      channel: 'chat',
      message: { text: 'My parcel never arrived and the tracking has not moved in a week.' },
    });
    const id = conversation.json.id as string;
    await call('POST', `/conversations/${id}/messages`, {
      role: 'agent',
      text: 'I am sorry about that. I have sent a replacement by express; it arrives tomorrow.',
    });
    const resolved = await call('POST', `/conversations/${id}/status`, { status: 'resolved' });
    // Nothing gets to finish: no dispatch, no job, no flush beyond the commit itself.
    first.child.kill('SIGKILL');
    expect(resolved.status).toBe(200);
    await within(first.exited, 30_000, 'the killed server to exit');

    const second = serve(target.env);
    const [, secondUrl] = await waitFor(second, running, 60_000);
    await waitUntil(
      'the conversation to be scored after the restart',
      async () =>
        (await httpClient(secondUrl!, apiKey)('GET', `/conversations/${id}/quality`)).status === 200,
      // Loading the language model and a job poll on a busy machine can take a while; only the
      // outcome matters.
      120_000,
      200,
    );
    second.child.kill('SIGTERM');
    expect(await within(second.exited, 30_000, 'serve to exit')).toBe(0);
  }, 240_000);
});

describe('startServer', () => {
  it('lets a module attach to the HTTP server before it listens, and cleans up on close', async () => {
    const target = await prepareTestTarget();
    onTestFinished(() => target.close());
    const calls: string[] = [];
    const server = await startServer({
      config: parseConfig(target.env),
      workers: false,
      attach: (http, { app }) => {
        calls.push(http.listening ? 'attached after listening' : 'attached');
        app.get('/attached', (c) => c.text('hello'));
        return () => void calls.push('detached');
      },
    });
    expect(server.hasWorkspace).toBe(false);
    const res = await fetch(`${server.url.replace('localhost', '127.0.0.1')}/attached`);
    expect(await res.text()).toBe('hello');
    await server.close();
    expect(calls).toEqual(['attached', 'detached']);
    await server.close();
  }, 60_000);

  it('runs durable jobs: a resolved conversation gets scored by the job the quality listener queues', async () => {
    const target = await prepareTestTarget();
    onTestFinished(() => target.close());
    const server = await startServer({ config: parseConfig(target.env) });
    onTestFinished(() => server.close());
    const { workspaceId } = (await executeAdminCommand(server.deps, 'init', {
      workspace: 'Jobs',
      admin: 'jobs@acme.test',
      password: 'correct horse battery',
    })) as { workspaceId: string };
    // Posts the customer's side too, as a channel's key does.
    const { apiKey } = (await executeAdminCommand(server.deps, 'apikey.create', {
      workspace: workspaceId,
      name: 'Chat channel',
      permissions: ['conversations:impersonate-customer'],
    })) as { apiKey: string };
    const call = httpClient(server.url, apiKey);
    const customer = await call('POST', '/customers', {
      name: 'Ida Queue',
      identities: [{ type: 'email', value: 'ida@example.com' }],
    });
    const conversation = await call('POST', '/conversations', {
      customerId: customer.json.id,
      channel: 'chat',
      message: { text: 'My invoice is wrong, I was charged twice this month.' },
    });
    const id = conversation.json.id as string;
    await call('POST', `/conversations/${id}/messages`, {
      role: 'agent',
      text: 'Thanks for telling us. I have refunded the second charge; you will see it in 3 days.',
    });
    expect((await call('POST', `/conversations/${id}/status`, { status: 'resolved' })).status).toBe(200);

    const deadline = Date.now() + 30_000;
    let score = await call('GET', `/conversations/${id}/quality`);
    while (score.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      score = await call('GET', `/conversations/${id}/quality`);
    }
    expect(score.status).toBe(200);
  }, 90_000);
});
