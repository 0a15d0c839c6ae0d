import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app.js';

/**
 * The test app on a real loopback port, with its WebSocket endpoints attached: `host` is
 * `127.0.0.1:<port>`; `close` detaches the sockets and stops listening (the app stays open).
 */
export async function listenOnLoopback(t: TestApp) {
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) =>
    server.listening ? resolve() : server.once('listening', () => resolve()),
  );
  await t.app.attachServer(server);
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await t.app.detachServer();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
