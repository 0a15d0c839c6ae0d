import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { parseConfig } from '../src/config/env.js';
import type { DbHandle } from '../src/db/client.js';
import { createAppDeps } from '../src/app/create-app-deps.js';
import { buildApp } from '../src/app/build-app.js';
import type { LoadOptions } from './load/load-options.js';
import { seedWorkspace, type Seeded } from './seed-workspace.js';

export const MESSAGE_BODY = JSON.stringify({
  role: 'agent',
  text: 'Thanks for waiting: your replacement ships today (update {n}).',
});

export type LoadTarget = Pick<
  LoadOptions,
  'host' | 'port' | 'method' | 'paths' | 'headers' | 'body' | 'expectStatus'
>;
export type ApiTarget = { target: LoadTarget; seeded: Seeded; close(): Promise<void> };

export function benchDeps(handle: DbHandle) {
  // Logging off: the figure is for the request path, and a log line per error would bury the
  // report (errors are counted and sampled by the load generator instead).
  const config = parseConfig({
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'b'.repeat(40),
    EARSHOT_DATA_DIR: '/nonexistent-unused',
  });
  return createAppDeps(config, handle);
}

export const buildBenchApp = (handle: DbHandle) => buildApp(benchDeps(handle));

/** The app on a free loopback port. */
export function serveOnLoopback(app: { fetch: (request: Request) => Response | Promise<Response> }) {
  return new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

// A real HTTP server on loopback over the bench database, seeded with one conversation per
// client: each client adds agent messages to its own conversation.
export async function startApiTarget(handle: DbHandle, clients: number): Promise<ApiTarget> {
  const app = buildBenchApp(handle);
  const seeded = await seedWorkspace(app, handle.db, clients);
  const server = await serveOnLoopback(app);
  const { port } = server.address() as AddressInfo;
  return {
    seeded,
    target: {
      host: '127.0.0.1',
      port,
      method: 'POST',
      paths: seeded.conversationIds.map((id) => `/api/v1/conversations/${id}/messages`),
      headers: { authorization: `Bearer ${seeded.apiKey}`, 'content-type': 'application/json' },
      body: MESSAGE_BODY,
      expectStatus: 201,
    },
    close: () => closeServer(server),
  };
}
