import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setSignedCookie } from 'hono/cookie';
import { eq } from 'drizzle-orm';
import { users, workspaces } from '../../db/schema.js';
import { createRouter, type AppDeps } from '../../platform/http/app-env.js';
import { SESSION_COOKIE } from '../../platform/http/authenticate-request.js';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  reply,
  scopedRunner,
  secured,
} from '../../platform/http/route-helpers.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.js';
import { login, logout, SESSION_DAYS } from './login.js';
import { addMember, changeMemberRole, listMembers, removeMember } from './members.js';
import * as s from './schemas.js';
import { addTeamMember, createTeam, getTeam, listTeams } from './teams.js';
import { getWorkspace, updateWorkspace } from './workspace.js';

const tags = (t: string) => ({ tags: [t] });

export function workspaceRoutes(deps: AppDeps) {
  const run = scopedRunner(deps);
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      ...tags('Auth'),
      request: jsonBody(s.loginBody),
      responses: {
        200: jsonResponse(s.meSchema, 'Logged in; the session cookie is set'),
        400: errorResponses[400],
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const result = await login({ db: deps.db, ...c.req.valid('json') });
      await setSignedCookie(c, SESSION_COOKIE, result.token, deps.config.sessionSecret, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: new URL(c.req.url).protocol === 'https:',
        path: '/',
        maxAge: SESSION_DAYS * 86_400,
      });
      return reply(c, s.meSchema, { user: result.user, workspace: result.workspace, auth: 'session' }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      ...tags('Auth'),
      ...secured,
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
    createRoute({
      method: 'get',
      path: '/me',
      ...tags('Auth'),
      ...secured,
      responses: { 200: jsonResponse(s.meSchema, 'Who is calling'), 401: errorResponses[401] },
    }),
    async (c) => {
      const scope = c.get('scope');
      const me = await inWorkspace(deps, scope, async (ctx) => {
        const [ws] = await ctx.tx.select().from(workspaces).where(eq(workspaces.id, ctx.workspaceId));
        const [user] = scope.actor.userId
          ? await ctx.tx.select().from(users).where(eq(users.id, scope.actor.userId))
          : [];
        return {
          user: { id: user?.id ?? null, email: user?.email ?? null, name: user?.name ?? null },
          workspace: { id: ws!.id, name: ws!.name, role: scope.actor.role },
          auth: scope.actor.type === 'user' ? 'session' : 'api_key',
        };
      });
      return reply(c, s.meSchema, me, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/workspace',
      ...tags('Workspace'),
      ...secured,
      responses: { 200: jsonResponse(s.workspaceSchema, 'The current workspace'), 401: errorResponses[401] },
    }),
    async (c) => reply(c, s.workspaceSchema, await run(c, 'members:read', getWorkspace), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/workspace',
      ...tags('Workspace'),
      ...secured,
      request: jsonBody(s.updateWorkspaceBody),
      responses: { 200: jsonResponse(s.workspaceSchema, 'Updated'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.workspaceSchema,
        await run(c, 'workspace:manage', (ctx) => updateWorkspace(ctx, c.req.valid('json'))),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users',
      ...tags('Users'),
      ...secured,
      responses: {
        200: jsonResponse(z.object({ data: z.array(s.memberSchema) }), 'Members of the workspace'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(
        c,
        z.object({ data: z.array(s.memberSchema) }),
        { data: await run(c, 'members:read', listMembers) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/users',
      ...tags('Users'),
      ...secured,
      request: jsonBody(s.addMemberBody),
      responses: { 201: jsonResponse(s.memberSchema, 'Added to the workspace'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.memberSchema,
        await run(c, 'members:manage', (ctx) => addMember(ctx, c.req.valid('json'))),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/users/{id}',
      ...tags('Users'),
      ...secured,
      request: { params: idParams, ...jsonBody(s.changeRoleBody) },
      responses: { 200: jsonResponse(s.memberSchema, 'Role changed'), ...errorResponses },
    }),
    async (c) => {
      const member = await run(c, 'members:manage', (ctx) =>
        changeMemberRole(ctx, c.req.valid('param').id, c.req.valid('json').role),
      );
      deps.credentials.clear();
      return reply(c, s.memberSchema, member, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/users/{id}',
      ...tags('Users'),
      ...secured,
      request: { params: idParams },
      responses: { 204: { description: 'Removed from the workspace' }, ...errorResponses },
    }),
    async (c) => {
      await run(c, 'members:manage', (ctx) => removeMember(ctx, c.req.valid('param').id));
      deps.credentials.clear();
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api-keys',
      ...tags('API keys'),
      ...secured,
      responses: {
        200: jsonResponse(z.object({ data: z.array(s.apiKeySchema) }), 'Keys (never the secrets)'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(
        c,
        z.object({ data: z.array(s.apiKeySchema) }),
        { data: await run(c, 'apikeys:manage', listApiKeys) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api-keys',
      ...tags('API keys'),
      ...secured,
      request: jsonBody(s.createApiKeyBody),
      responses: {
        201: jsonResponse(s.createdApiKeySchema, 'Created; the key is shown once'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(
        c,
        s.createdApiKeySchema,
        await run(c, 'apikeys:manage', (ctx) => createApiKey(ctx, c.req.valid('json'))),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api-keys/{id}',
      ...tags('API keys'),
      ...secured,
      request: { params: idParams },
      responses: { 200: jsonResponse(s.apiKeySchema, 'Revoked'), ...errorResponses },
    }),
    async (c) => {
      const revoked = await run(c, 'apikeys:manage', (ctx) => revokeApiKey(ctx, c.req.valid('param').id));
      deps.credentials.clear();
      return reply(c, s.apiKeySchema, revoked, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/teams',
      ...tags('Teams'),
      ...secured,
      responses: { 200: jsonResponse(z.object({ data: z.array(s.teamSchema) }), 'Teams'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        z.object({ data: z.array(s.teamSchema) }),
        { data: await run(c, 'members:read', listTeams) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/teams',
      ...tags('Teams'),
      ...secured,
      request: jsonBody(s.createTeamBody),
      responses: { 201: jsonResponse(s.teamSchema, 'Created'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.teamSchema,
        await run(c, 'teams:manage', (ctx) => createTeam(ctx, c.req.valid('json'))),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/teams/{id}',
      ...tags('Teams'),
      ...secured,
      request: { params: idParams },
      responses: { 200: jsonResponse(s.teamSchema, 'A team and its members'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.teamSchema,
        await run(c, 'members:read', (ctx) => getTeam(ctx, c.req.valid('param').id)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/teams/{id}/members',
      ...tags('Teams'),
      ...secured,
      request: { params: idParams, ...jsonBody(s.addTeamMemberBody) },
      responses: { 200: jsonResponse(s.teamSchema, 'Member added'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.teamSchema,
        await run(c, 'teams:manage', (ctx) =>
          addTeamMember(ctx, c.req.valid('param').id, c.req.valid('json').userId),
        ),
        200,
      ),
  );

  return app;
}
