import { z } from '@hono/zod-openapi';
import { defineRoute, publicAccess, staff } from '../../platform/http/define-route.js';
import { deleteCookie, setSignedCookie } from 'hono/cookie';
import { findAccount, getWorkspace } from '../workspaces/index.js';
import { createRouter, type AppDeps } from '../../platform/http/app-env.js';
import { SESSION_COOKIE } from './authenticate-staff.js';
import { clientAddress, isHttps } from '../../platform/http/client-address.js';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  problem,
  reply,
  scopedRunner,
} from '../../platform/http/route-helpers.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.js';
import { changePassword } from './change-password.js';
import { login, logout, SESSION_DAYS } from './login.js';
import { AppError } from '../../platform/errors.js';
import * as s from './schemas.js';
import { addWorkspaceSwitchRoutes } from './switch-workspace.js';

const tags = (t: string) => ({ tags: [t] });

export function identityRoutes(deps: AppDeps) {
  const run = scopedRunner(deps);
  const app = createRouter();

  app.openapi(
    defineRoute(publicAccess, {
      operationId: 'login',
      summary: 'Sign in with email and password',
      method: 'post',
      path: '/auth/login',
      ...tags('Auth'),
      request: jsonBody(s.loginBody),
      responses: {
        200: jsonResponse(s.meSchema, 'Logged in; the session cookie is set'),
        400: errorResponses[400],
        401: errorResponses[401],
        429: problem('Too many attempts; Retry-After says how many seconds to wait'),
      },
    }),
    async (c) => {
      const result = await login({
        db: deps.db,
        ...c.req.valid('json'),
        address: clientAddress(c, deps.config.trustProxy),
      });
      // The answer carries a new session; no cache along the way may keep it.
      c.header('cache-control', 'no-store');
      await setSignedCookie(c, SESSION_COOKIE, result.token, deps.config.sessionSecret, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: isHttps(c, deps.config.trustProxy),
        path: '/',
        maxAge: SESSION_DAYS * 86_400,
      });
      return reply(c, s.meSchema, { user: result.user, workspace: result.workspace, auth: 'session' }, 200);
    },
  );

  app.openapi(
    defineRoute(staff(), {
      operationId: 'logout',
      summary: 'Sign out of this session',
      method: 'post',
      path: '/auth/logout',
      ...tags('Auth'),
      responses: { 204: { description: 'Logged out' }, 401: errorResponses[401] },
    }),
    async (c) => {
      const sessionId = c.get('sessionId');
      if (sessionId) await logout(deps.db, sessionId);
      deps.credentials.clear();
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute(staff(), {
      operationId: 'getMe',
      summary: 'Who is calling, in which workspace, with which role',
      method: 'get',
      path: '/me',
      ...tags('Auth'),
      responses: { 200: jsonResponse(s.meSchema, 'Who is calling'), 401: errorResponses[401] },
    }),
    async (c) => {
      const scope = c.get('scope');
      const me = await inWorkspace(deps, scope, async (ctx) => {
        const ws = await getWorkspace(ctx);
        const user = scope.actor.userId ? await findAccount(ctx.tx, scope.actor.userId) : undefined;
        return {
          user: { id: user?.id ?? null, email: user?.email ?? null, name: user?.name ?? null },
          workspace: { id: ws.id, name: ws.name, role: scope.actor.role },
          auth: scope.actor.type === 'user' ? 'session' : 'api_key',
        };
      });
      return reply(c, s.meSchema, me, 200);
    },
  );

  app.openapi(
    defineRoute(staff(), {
      operationId: 'changePassword',
      summary: 'Change your password; your other sessions end',
      method: 'post',
      path: '/me/password',
      ...tags('Auth'),
      request: jsonBody(s.changePasswordBody),
      responses: {
        204: { description: 'Changed; every other session of yours is signed out' },
        ...errorResponses,
        429: problem('Too many attempts; Retry-After says how many seconds to wait'),
      },
    }),
    async (c) => {
      const { actor } = c.get('scope');
      if (!actor.userId) {
        throw new AppError('FORBIDDEN', { message: 'This API key belongs to no person, so has no password' });
      }
      await changePassword(deps.db, {
        userId: actor.userId,
        ...c.req.valid('json'),
        keepSessionId: c.get('sessionId'),
        address: clientAddress(c, deps.config.trustProxy),
      });
      deps.credentials.clear();
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute(staff('apikeys:manage'), {
      operationId: 'listApiKeys',
      summary: 'List API keys (never their secrets)',
      method: 'get',
      path: '/api-keys',
      ...tags('API keys'),
      responses: {
        200: jsonResponse(z.object({ data: z.array(s.apiKeySchema) }), 'Keys (never the secrets)'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(c, z.object({ data: z.array(s.apiKeySchema) }), { data: await run(c, listApiKeys) }, 200),
  );

  app.openapi(
    defineRoute(staff('apikeys:manage'), {
      operationId: 'createApiKey',
      summary: 'Create an API key, shown once',
      method: 'post',
      path: '/api-keys',
      ...tags('API keys'),
      request: jsonBody(s.createApiKeyBody),
      responses: {
        201: jsonResponse(s.createdApiKeySchema, 'Created; the key is shown once'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const created = await run(c, (ctx) => createApiKey(ctx, c.req.valid('json')));
      // The only answer that ever shows the key: no cache along the way may keep it.
      c.header('cache-control', 'no-store');
      return reply(c, s.createdApiKeySchema, created, 201);
    },
  );

  app.openapi(
    defineRoute(staff('apikeys:manage'), {
      operationId: 'revokeApiKey',
      summary: 'Revoke an API key',
      method: 'delete',
      path: '/api-keys/{id}',
      ...tags('API keys'),
      request: { params: idParams },
      responses: { 200: jsonResponse(s.apiKeySchema, 'Revoked'), ...errorResponses },
    }),
    async (c) => {
      const revoked = await run(c, (ctx) => revokeApiKey(ctx, c.req.valid('param').id));
      deps.credentials.clear();
      return reply(c, s.apiKeySchema, revoked, 200);
    },
  );

  addWorkspaceSwitchRoutes(app, deps);

  return app;
}
