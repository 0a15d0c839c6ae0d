import type { Server } from 'node:http';
import { z } from '@hono/zod-openapi';
import { createNodeWebSocket } from '@hono/node-ws';
import { sql } from 'drizzle-orm';
import { Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import { AppError } from '../errors.js';
import { createRealtimeHub } from '../realtime/realtime-hub.js';
import { verifyVisitorToken } from '../access/visitor-token.js';
import { CLOSE_TOKEN_EXPIRED, type VisitorSocketRoute } from '../realtime/visitor-sockets.js';
import { createAccessGate, type StaffAuthenticator } from './access-gate.js';
import { createRouter, type AppDeps, type AppEnv, type Router } from './app-env.js';
import { defineRoute, publicAccess } from './define-route.js';
import { edgeHeaders } from './edge-headers.js';
import { handleError, problemResponse } from './error-handler.js';
import { PerMethodRouter } from './per-method-router.js';
import { problemsPage } from './problems-page.js';
import { readBodyWithin } from './read-body.js';
import { referencePage } from './reference-page.js';
import { webAppFallback } from './web-app.js';

const healthSchema = z
  .object({ status: z.literal('ok'), database: z.enum(['pglite', 'pg']) })
  .openapi('Health');

const securitySchemes = {
  bearer: { type: 'http', scheme: 'bearer', description: 'An API key' },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'earshot_session',
    description: 'The session cookie set by login',
  },
  visitor: { type: 'http', scheme: 'bearer', description: 'A chat-widget visitor token' },
  signedLink: {
    type: 'apiKey',
    in: 'query',
    name: 'sig',
    description: 'The signed token of a link sent to a customer',
  },
} as const;

export type HttpAppOptions = {
  /** The modules' routers, mounted under /api/v1. */
  routers: readonly Router[];
  /** The modules' pages for people (a quote to accept), mounted at the root, in no API document. */
  pages?: readonly Router[];
  /** How staff routes authenticate (the identity module's sessions and API keys). */
  staff: StaffAuthenticator;
  /**
   * Larger limits than BODY_LIMIT_BYTES for bodies of some media types (raw email, which may be
   * 25 MB); only routes that declare the type accept such a body, any other answers 415.
   */
  bodyLimits?: Readonly<Record<string, number>>;
  /** The built web app's folder (web/dist), served at `/`; absent, `/` redirects to the API reference. */
  webRoot?: string;
  /** Modules' live channels for chat-widget visitors (WebSockets), mounted under /api/v1. */
  visitorSockets?: readonly VisitorSocketRoute[];
};

// The HTTP edge every module shares: request ids, security headers, the body limit, problem
// answers, the access gate behind each route's access kind, health, realtime, the OpenAPI document
// and its reference pages. What each route accepts and who may call it is declared on the route.
export function createHttpApp(deps: AppDeps, options: HttpAppOptions) {
  const app = new Hono<AppEnv>({ router: new PerMethodRouter() });
  const nodeWs = createNodeWebSocket({ app });
  const realtime = createRealtimeHub(deps);
  const gate = createAccessGate({ secret: deps.config.sessionSecret, staff: options.staff });
  app.onError(handleError(deps.logger));
  const webApp = webAppFallback(options.webRoot);
  app.notFound(
    async (c) =>
      (await webApp(c)) ??
      problemResponse(
        c,
        new AppError('ROUTE_NOT_FOUND', { message: `No route for ${c.req.method} ${c.req.path}` }),
      ),
  );
  // The request id and the security headers (see edge-headers.ts and content-security-policy.ts).
  app.use('*', edgeHeaders());
  // The visitor API is called by the chat widget from customers' own sites: any origin may, with
  // the visitor's bearer token and never a cookie (no credentials), so a page gains nothing it did
  // not already hold. Staff routes stay same-origin.
  app.use(
    '/api/v1/widget/*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['authorization', 'content-type'],
      maxAge: 600,
    }),
  );
  const defaultLimit = readBodyWithin(deps.config.bodyLimitBytes);
  const typeLimits = new Map(
    Object.entries(options.bodyLimits ?? {}).map(([type, max]) => [type.toLowerCase(), readBodyWithin(max)]),
  );
  // The access gate for the routes' access kinds, and the body read within its type's limit: one
  // middleware, as each one more is another step (and promise) on every request.
  app.use('*', (c, next) => {
    c.set('gate', gate);
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    return (typeLimits.get(type) ?? defaultLimit)(c, next);
  });

  const api = createRouter();
  api.openapi(
    defineRoute(publicAccess, {
      method: 'get',
      path: '/health',
      operationId: 'getHealth',
      summary: 'Whether the server and its database answer',
      tags: ['System'],
      responses: {
        200: {
          description: 'Up',
          content: { 'application/json': { schema: healthSchema } },
        },
      },
    }),
    async (c) => {
      await deps.db.execute(sql`SELECT 1`);
      return c.json({ status: 'ok' as const, database: deps.handle.kind }, 200);
    },
  );
  // Agents receive their workspace's events (new messages, assignments, status changes) here.
  api.get(
    '/realtime',
    async (c, next) => {
      refuseForeignOrigin(c.req.header('origin'), c.req.header('host'));
      await gate.staff(c);
      await next();
    },
    nodeWs.upgradeWebSocket((c) => {
      const scope = c.get('scope');
      const { workspaceId } = scope;
      // The credential the socket was opened with, presented again on each re-check.
      const credential = new Headers();
      for (const name of ['authorization', 'cookie']) {
        const value = c.req.header(name);
        if (value) credential.set(name, value);
      }
      const recheck = async () => {
        const probe = new Context<AppEnv>(new Request(c.req.url, { headers: credential }));
        await gate.staff(probe);
        return probe.get('scope');
      };
      return {
        onOpen: (_event, socket) => {
          realtime.join(scope, socket, recheck);
          socket.send(JSON.stringify({ type: 'ready', at: new Date().toISOString(), data: { workspaceId } }));
        },
        onClose: (_event, socket) => realtime.leave(workspaceId, socket),
      };
    }),
  );
  for (const live of options.visitorSockets ?? [])
    mountVisitorSocket(api, nodeWs, deps.config.sessionSecret, live);
  for (const router of options.routers) api.route('/', router);

  // Only the schemes some route uses are described, so the document lists no dead components.
  const used = new Set(
    api.openAPIRegistry.definitions.flatMap((d) =>
      d.type === 'route' ? (d.route.security ?? []).flatMap((s) => Object.keys(s)) : [],
    ),
  );
  for (const [name, scheme] of Object.entries(securitySchemes)) {
    if (used.has(name)) api.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  }
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Earshot API',
      version: '1',
      description: 'Help desk, conversation quality and voice of the customer.',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }, { session: [] }],
  });
  api.get('/docs', (c) => c.html(referencePage('/api/v1/openapi.json')));

  app.route('/api/v1', api);
  for (const pages of options.pages ?? []) app.route('/', pages);
  app.get('/docs/problems', (c) => c.html(problemsPage()));
  return Object.assign(app, {
    // Call once the node server exists: it accepts WebSocket upgrades and starts event fan-out.
    async attachServer(server: Server) {
      nodeWs.injectWebSocket(server);
      await realtime.start();
      for (const live of options.visitorSockets ?? []) await live.start();
    },
    async detachServer() {
      for (const live of options.visitorSockets ?? []) await live.close();
      await realtime.close();
    },
  });
}

export type HttpApp = ReturnType<typeof createHttpApp>;

/*
 * A visitor's socket: the token from `?token=` or from the subprotocols a browser offers. The
 * server accepts the first protocol offered, so a client offers `earshot-visitor, <token>` in that
 * order and the token is never echoed back. Any origin may open one (the widget lives on the customer's site) and no cookie counts,
 * so a foreign page gains nothing it did not already hold. The socket closes when its token expires.
 */
function mountVisitorSocket(
  api: Router,
  nodeWs: ReturnType<typeof createNodeWebSocket>,
  secret: string,
  live: VisitorSocketRoute,
) {
  const check = (c: Context<AppEnv>) => {
    const offered = (c.req.header('sec-websocket-protocol') ?? '').split(',').map((p) => p.trim());
    const token = c.req.query('token') ?? offered.find((p) => p.startsWith('evt_'));
    const checked = token ? verifyVisitorToken(secret, token) : null;
    if (!checked) throw new AppError('UNAUTHENTICATED', { message: 'Open with ?token=<visitor token>' });
    return checked;
  };
  api.get(
    live.path,
    // Refused before the upgrade, so a bad token gets a plain 401 answer.
    async (c, next) => {
      check(c);
      await next();
    },
    nodeWs.upgradeWebSocket((c) => {
      const { expiresAt, ...visitor } = check(c);
      let leave: (() => void) | undefined;
      let expiry: ReturnType<typeof setTimeout> | undefined;
      return {
        onOpen: (_event, socket) => {
          leave = live.join(visitor, socket);
          expiry = setTimeout(
            () => socket.close(CLOSE_TOKEN_EXPIRED, 'the visitor token expired; start a new session'),
            Math.min(expiresAt.getTime() - Date.now(), 2_147_000_000),
          );
          expiry.unref?.();
        },
        onClose: () => {
          clearTimeout(expiry);
          leave?.();
        },
      };
    }),
  );
}

// A browser sends the page's origin with a WebSocket upgrade, and the cookie with it: a page on
// another site must not open an agent's event stream. Clients that are not browsers send none.
function refuseForeignOrigin(origin: string | undefined, host: string | undefined) {
  if (!origin) return;
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = undefined;
  }
  if (!originHost || originHost !== host) {
    throw new AppError('FORBIDDEN', { message: 'Open the event stream from the page it belongs to' });
  }
}
