import { z } from '@hono/zod-openapi';
import { defineRoute, staff } from '../../platform/http/define-route.js';
import { createRouter, type AppDeps } from '../../platform/http/app-env.js';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  reply,
  scopedRunner,
} from '../../platform/http/route-helpers.js';
import { addMember, listMembers, removeMember, updateMember } from './members.js';
import * as s from './schemas.js';
import { addTeamMember, createTeam, getTeam, listTeams, updateTeam } from './teams.js';
import { getWorkspace, updateWorkspace } from './workspace.js';

const tags = (t: string) => ({ tags: [t] });

export function workspaceRoutes(deps: AppDeps) {
  const run = scopedRunner(deps);
  const app = createRouter();

  app.openapi(
    defineRoute(staff('members:read'), {
      operationId: 'getWorkspace',
      summary: 'Read the workspace',
      method: 'get',
      path: '/workspace',
      ...tags('Workspace'),
      responses: { 200: jsonResponse(s.workspaceSchema, 'The current workspace'), 401: errorResponses[401] },
    }),
    async (c) => reply(c, s.workspaceSchema, await run(c, getWorkspace), 200),
  );

  app.openapi(
    defineRoute(staff('workspace:manage'), {
      operationId: 'updateWorkspace',
      summary: 'Rename the workspace or change its settings',
      method: 'patch',
      path: '/workspace',
      ...tags('Workspace'),
      request: jsonBody(s.updateWorkspaceBody),
      responses: { 200: jsonResponse(s.workspaceSchema, 'Updated'), ...errorResponses },
    }),
    async (c) =>
      reply(c, s.workspaceSchema, await run(c, (ctx) => updateWorkspace(ctx, c.req.valid('json'))), 200),
  );

  app.openapi(
    defineRoute(staff('members:read'), {
      operationId: 'listMembers',
      summary: 'List the workspace members',
      method: 'get',
      path: '/users',
      ...tags('Users'),
      responses: {
        200: jsonResponse(z.object({ data: z.array(s.memberSchema) }), 'Members of the workspace'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(c, z.object({ data: z.array(s.memberSchema) }), { data: await run(c, listMembers) }, 200),
  );

  app.openapi(
    defineRoute(staff('members:manage'), {
      operationId: 'addMember',
      summary: 'Add a member (creates the account if new)',
      method: 'post',
      path: '/users',
      ...tags('Users'),
      request: jsonBody(s.addMemberBody),
      responses: { 201: jsonResponse(s.memberSchema, 'Added to the workspace'), ...errorResponses },
    }),
    async (c) => reply(c, s.memberSchema, await run(c, (ctx) => addMember(ctx, c.req.valid('json'))), 201),
  );

  app.openapi(
    defineRoute(staff('members:capacity'), {
      operationId: 'updateMember',
      summary: "Change a member's role, capacity or skills",
      description:
        'Supervisors may change capacity and skills (a list of {skill, level} that replaces the current one); a change of role needs members:manage (owners and admins).',
      method: 'patch',
      path: '/users/{id}',
      ...tags('Users'),
      request: { params: idParams, ...jsonBody(s.updateMemberBody) },
      responses: { 200: jsonResponse(s.memberSchema, 'Changed'), ...errorResponses },
    }),
    async (c) => {
      const member = await run(c, (ctx) => updateMember(ctx, c.req.valid('param').id, c.req.valid('json')));
      deps.credentials.clear();
      return reply(c, s.memberSchema, member, 200);
    },
  );

  app.openapi(
    defineRoute(staff('members:manage'), {
      operationId: 'removeMember',
      summary: 'Remove a member from the workspace',
      method: 'delete',
      path: '/users/{id}',
      ...tags('Users'),
      request: { params: idParams },
      responses: { 204: { description: 'Removed from the workspace' }, ...errorResponses },
    }),
    async (c) => {
      await run(c, (ctx) => removeMember(ctx, c.req.valid('param').id));
      deps.credentials.clear();
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute(staff('members:read'), {
      operationId: 'listTeams',
      summary: 'List teams',
      method: 'get',
      path: '/teams',
      ...tags('Teams'),
      responses: { 200: jsonResponse(z.object({ data: z.array(s.teamSchema) }), 'Teams'), ...errorResponses },
    }),
    async (c) => reply(c, z.object({ data: z.array(s.teamSchema) }), { data: await run(c, listTeams) }, 200),
  );

  app.openapi(
    defineRoute(staff('teams:manage'), {
      operationId: 'createTeam',
      summary: 'Create a team',
      method: 'post',
      path: '/teams',
      ...tags('Teams'),
      request: jsonBody(s.createTeamBody),
      responses: { 201: jsonResponse(s.teamSchema, 'Created'), ...errorResponses },
    }),
    async (c) => reply(c, s.teamSchema, await run(c, (ctx) => createTeam(ctx, c.req.valid('json'))), 201),
  );

  app.openapi(
    defineRoute(staff('members:read'), {
      operationId: 'getTeam',
      summary: 'Read a team and its members',
      method: 'get',
      path: '/teams/{id}',
      ...tags('Teams'),
      request: { params: idParams },
      responses: { 200: jsonResponse(s.teamSchema, 'A team and its members'), ...errorResponses },
    }),
    async (c) => reply(c, s.teamSchema, await run(c, (ctx) => getTeam(ctx, c.req.valid('param').id)), 200),
  );

  app.openapi(
    defineRoute(staff('teams:manage'), {
      operationId: 'updateTeam',
      summary: 'Rename a team or turn its automatic assignment on or off',
      method: 'patch',
      path: '/teams/{id}',
      ...tags('Teams'),
      request: { params: idParams, ...jsonBody(s.updateTeamBody) },
      responses: { 200: jsonResponse(s.teamSchema, 'Changed'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.teamSchema,
        await run(c, (ctx) => updateTeam(ctx, c.req.valid('param').id, c.req.valid('json'))),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('teams:manage'), {
      operationId: 'addTeamMember',
      summary: 'Add a member to a team',
      method: 'post',
      path: '/teams/{id}/members',
      ...tags('Teams'),
      request: { params: idParams, ...jsonBody(s.addTeamMemberBody) },
      responses: { 200: jsonResponse(s.teamSchema, 'Member added'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.teamSchema,
        await run(c, (ctx) => addTeamMember(ctx, c.req.valid('param').id, c.req.valid('json').userId)),
        200,
      ),
  );

  return app;
}
