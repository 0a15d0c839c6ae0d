import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/env.js';
import type { DbHandle } from '../../src/db/client.js';
import { bootstrapWorkspace } from '../../src/modules/identity/index.js';
import { createAppDeps } from '../../src/app/create-app-deps.js';
import { buildApp } from '../../src/app/build-app.js';
import { openTestDb } from './test-db.js';
import { startBackground, type Background } from './start-background.js';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The HTTP app on a database of its own, listening to committed events (realtime, nextEvent).
 * With `workers`, the process also does what `earshot serve` does in the background: a job queue
 * working every job and the outbox dispatcher running every listener. `env` adds settings
 * (TRUST_PROXY, say) to the test configuration.
 */
export async function createTestApp(options: { workers?: boolean; env?: Record<string, string> } = {}) {
  const handle: DbHandle = await openTestDb();
  // A data folder of its own (the outbox, attachments' blobs), removed on close.
  const dataDir = mkdtempSync(join(tmpdir(), 'earshot-test-data-'));
  const config = parseConfig({
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'x'.repeat(40),
    EARSHOT_DATA_DIR: dataDir,
    ...options.env,
  });
  const deps = createAppDeps(config, handle);
  await deps.events.start();
  const background: Background | undefined = options.workers ? await startBackground(deps) : undefined;
  const app = buildApp(deps);

  const request = async (
    method: string,
    path: string,
    options: {
      key?: string;
      cookie?: string;
      body?: unknown;
      raw?: string;
      headers?: Record<string, string>;
    } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    if (options.cookie) headers.cookie = options.cookie;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await app.request(`/api/v1${path}`, { method, headers, body });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: the caller reads `text`
    }
    return { status: res.status, json, text, headers: res.headers };
  };

  let counter = 0;
  const workspace = async (name = `Workspace ${++counter}`) => {
    const email = `owner${++counter}-${Date.now()}@example.test`;
    const created = await bootstrapWorkspace({
      db: deps.db,
      name,
      admin: { email, password: 'correct horse battery' },
    });
    // Tests act as an owner's integration: owner rights, and the right to post the customer's side.
    const integration = await request('POST', '/api-keys', {
      key: created.apiKey,
      body: { name: 'Test integration', role: 'owner', permissions: ['conversations:impersonate-customer'] },
    });
    if (integration.status !== 201) throw new Error(`Could not create the test key: ${integration.text}`);
    return {
      ...created,
      initialKey: created.apiKey,
      apiKey: integration.json.key as string,
      email,
      password: 'correct horse battery',
    };
  };

  return {
    app,
    deps,
    handle,
    request,
    workspace,
    as: (key: string) => ({
      get: (path: string) => request('GET', path, { key }),
      post: (path: string, body?: unknown) => request('POST', path, { key, body }),
      put: (path: string, body?: unknown) => request('PUT', path, { key, body }),
      patch: (path: string, body?: unknown) => request('PATCH', path, { key, body }),
      delete: (path: string) => request('DELETE', path, { key }),
    }),
    /** The background's dispatcher and job queue, with `workers`. */
    background,
    close: async () => {
      await background?.stop();
      await deps.events.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
