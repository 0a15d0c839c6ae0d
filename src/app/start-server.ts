import type { ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Config } from '../config/env.js';
import { AppError } from '../platform/errors.js';
import type { AppDeps } from '../platform/http/app-env.js';
import type { App } from './build-app.js';
import { adminSocketPath } from '../platform/runtime/data-paths.js';
import { displayUrl } from '../platform/runtime/display-url.js';
import { ensureMigrated } from '../platform/runtime/ensure-migrated.js';
import { openDatabase } from '../platform/runtime/open-database.js';
import { createJobRuntime } from './start-jobs.js';

export type AttachContext = { app: App; deps: AppDeps };
/** Runs before the server listens (add routes, WebSocket upgrades); may return a cleanup. */
export type Attach = (server: ServerType, context: AttachContext) => void | Cleanup | Promise<void | Cleanup>;
type Cleanup = () => void | Promise<void>;

export type StartServerOptions = {
  config: Config;
  /**
   * Work durable jobs and dispatch events to listeners in this process too (default). Without
   * workers the API still writes events to the outbox and sends jobs, and delivers realtime
   * events; `earshot worker` processes run the listeners and the jobs.
   */
  workers?: boolean;
  attach?: Attach | readonly Attach[];
};

export type RunningServer = {
  url: string;
  port: number;
  database: 'pglite' | 'pg';
  /** False until the first workspace exists: the operator still has to run `earshot init`. */
  hasWorkspace: boolean;
  deps: AppDeps;
  /** Stops accepting, waits for running work, stops workers, closes the database, releases the folder. */
  close(): Promise<void>;
};

const DRAIN_MS = 5_000;

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config } = options;
  // The HTTP app is most of the code; it loads while the database opens.
  const loading = loadServerModules();
  loading.catch(() => undefined);
  const opened = await openDatabase(config, { command: 'earshot serve' });
  // Undone in reverse order, on a failed start as on a normal stop.
  const cleanups: Cleanup[] = [() => opened.close()];
  const unwind = async () => {
    for (const cleanup of cleanups.reverse().splice(0)) await cleanup();
  };
  try {
    await ensureMigrated(opened.handle);
    const {
      buildApp,
      createAdaptorServer,
      createAppDeps,
      executeAdminCommand,
      startDispatcher,
      startAdminServer,
      startServices,
      warmUpModules,
    } = await loading;
    const workers = options.workers ?? true;
    const deps = createAppDeps(config, opened.handle);
    cleanups.push(() => deps.events.close());
    await deps.events.start();
    const jobs = createJobRuntime(deps, { workers, logger: deps.logger.child({ component: 'jobs' }) });
    deps.jobs = jobs.sender;
    cleanups.push(() => jobs.stop());
    const app = buildApp(deps);
    const server = createAdaptorServer({ fetch: app.fetch });
    // The app's own realtime endpoint needs the node server for WebSocket upgrades.
    await app.attachServer(server as Server);
    cleanups.push(() => app.detachServer());
    for (const attach of [options.attach ?? []].flat()) {
      const detach = await attach(server, { app, deps });
      if (detach) cleanups.push(detach);
    }

    let url: string | undefined;
    if (opened.handle.kind === 'pglite') {
      const admin = await startAdminServer({
        socketPath: adminSocketPath(config.dataDir),
        execute: (request) => executeAdminCommand(deps, request.command, request.args),
        serverUrl: () => url,
        logger: deps.logger.child({ component: 'admin' }),
      });
      cleanups.push(() => admin.close());
    }

    const port = await listen(server, config.port, config.host);
    cleanups.push(() => stopHttp(server as Server));
    url = displayUrl(config.host, port);
    deps.logger.info({ url, database: opened.handle.kind }, 'earshot is listening');
    // Jobs start once requests are answered; until then sends wait for them.
    void jobs.start().catch(() => undefined);
    if (workers) {
      // Its first pass delivers whatever an earlier run committed but never dispatched.
      const dispatcher = await startDispatcher({ ...deps, jobs: jobs.sender });
      cleanups.push(() => dispatcher.stop());
    }
    cleanups.push(await startServices({ ...deps, jobs: jobs.sender }, 'server'));
    // What modules need later (the quality engine's language model) loads a moment after the
    // server answers, so start-up does not wait for it.
    const warm = setTimeout(() => void warmUpModules(), 1_000);
    warm.unref();
    cleanups.push(() => clearTimeout(warm));
    return {
      url,
      port,
      database: opened.handle.kind,
      hasWorkspace: await anyWorkspace(deps),
      deps,
      close: unwind,
    };
  } catch (err) {
    await unwind();
    throw err;
  }
}

async function loadServerModules() {
  const [
    { buildApp },
    { createAdaptorServer },
    { createAppDeps },
    { executeAdminCommand },
    { startAdminServer },
    { startDispatcher },
    { startServices, warmUpModules },
  ] = await Promise.all([
    import('./build-app.js'),
    import('@hono/node-server'),
    import('./create-app-deps.js'),
    import('./admin-commands.js'),
    import('../platform/runtime/admin/server.js'),
    import('./start-dispatcher.js'),
    import('./start-services.js'),
  ]);
  return {
    buildApp,
    createAdaptorServer,
    createAppDeps,
    executeAdminCommand,
    startDispatcher,
    startAdminServer,
    startServices,
    warmUpModules,
  };
}

function listen(server: ServerType, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(
          new AppError('UNAVAILABLE', {
            message: `Port ${port} on ${host} is already in use; stop what uses it or set PORT to another port`,
          }),
        );
      } else reject(err);
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

// Requests in progress get a few seconds to finish; idle keep-alive connections go at once.
async function stopHttp(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  await closed;
  clearTimeout(timer);
}

// Read as the system, before any workspace is chosen, like the credential lookups.
async function anyWorkspace(deps: AppDeps): Promise<boolean> {
  const result = (await deps.db.execute(
    sql`SELECT EXISTS (SELECT 1 FROM workspaces) AS present`,
  )) as unknown as {
    rows: { present: boolean }[];
  };
  return Boolean(result.rows[0]?.present);
}
