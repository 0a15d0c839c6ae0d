import type { Server } from 'node:http';
import { createNodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { sql } from 'drizzle-orm';
import { customerRoutes } from '../../modules/customers/routes.js';
import { conversationRoutes } from '../../modules/conversations/routes.js';
import { qualityRoutes } from '../../modules/quality/routes.js';
import { workspaceRoutes } from '../../modules/workspaces/routes.js';
import { AppError } from '../errors.js';
import { createRouter, type AppDeps, type AppEnv } from './app-env.js';
import { authenticateRequest } from './authenticate-request.js';
import { handleError, problemResponse } from './error-handler.js';
import { referencePage } from './reference-page.js';
import { problemsPage } from './problems-page.js';
import { createRealtimeHub } from '../realtime/realtime-hub.js';

const PUBLIC_PATHS = new Set([
  '/api/v1/auth/login',
  '/api/v1/health',
  '/api/v1/openapi.json',
  '/api/v1/docs',
]);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function buildApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const nodeWs = createNodeWebSocket({ app });
  const realtime = createRealtimeHub(deps);
  app.onError(handleError(deps.logger));
  app.notFound((c) =>
    problemResponse(
      c,
      new AppError('ROUTE_NOT_FOUND', { message: `No route for ${c.req.method} ${c.req.path}` }),
    ),
  );
  app.use('*', requestId());
  app.use('*', secureHeaders({ contentSecurityPolicy: undefined }));

  const api = createRouter();
  api.use(
    '*',
    bodyLimit({
      maxSize: deps.config.bodyLimitBytes,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', {
          message: `Bodies are limited to ${deps.config.bodyLimitBytes} bytes`,
        });
      },
    }),
  );
  api.use('*', async (c, next) => {
    const type = c.req.header('content-type');
    if (WRITE_METHODS.has(c.req.method) && type && !/^application\/([\w.-]+\+)?json\b/i.test(type)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    }
    await next();
  });
  api.use('*', async (c, next) =>
    PUBLIC_PATHS.has(c.req.path) ? next() : authenticateRequest(deps)(c, next),
  );

  api.get('/health', async (c) => {
    await deps.db.execute(sql`SELECT 1`);
    return c.json({ status: 'ok', database: deps.handle.kind });
  });
  // Agents receive their workspace's events (new messages, assignments, status changes) here.
  api.get(
    '/realtime',
    nodeWs.upgradeWebSocket((c) => {
      const { workspaceId } = c.get('scope');
      return {
        onOpen: (_event, socket) => {
          realtime.join(workspaceId, socket);
          socket.send(JSON.stringify({ type: 'ready', at: new Date().toISOString(), data: { workspaceId } }));
        },
        onClose: (_event, socket) => realtime.leave(workspaceId, socket),
      };
    }),
  );
  api.route('/', workspaceRoutes(deps));
  api.route('/', customerRoutes(deps));
  api.route('/', conversationRoutes(deps));
  api.route('/', qualityRoutes(deps));

  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'earshot_session',
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Earshot API',
      version: '1',
      description: 'Help desk, conversation quality and voice of the customer.',
    },
    servers: [{ url: '/api/v1' }],
  });
  api.get('/docs', (c) => c.html(referencePage('/api/v1/openapi.json')));

  app.route('/api/v1', api);
  app.get('/docs/problems', (c) => c.html(problemsPage()));
  app.get('/', (c) => c.redirect('/api/v1/docs'));
  return Object.assign(app, {
    // Call once the node server exists: it accepts WebSocket upgrades and starts event fan-out.
    async attachServer(server: Server) {
      nodeWs.injectWebSocket(server);
      await realtime.start();
    },
    async detachServer() {
      await realtime.close();
    },
  });
}

export type App = ReturnType<typeof buildApp>;
