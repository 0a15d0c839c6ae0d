import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import type { AppDeps, createRouter } from '../../platform/http/app-env.js';
import { defineRoute, staff } from '../../platform/http/define-route.js';
import { errorResponses, jsonBody, jsonResponse, reply } from '../../platform/http/route-helpers.js';
import { findAccount, roleSchema, workspacesOf } from '../workspaces/index.js';
import { sessions } from './schema.js';
import { meSchema } from './schemas.js';

export const myWorkspacesSchema = z
  .object({
    data: z.array(z.object({ id: z.uuid(), name: z.string(), role: roleSchema, current: z.boolean() })),
  })
  .openapi('MyWorkspaces');

export const switchWorkspaceBody = z
  .object({ workspaceId: z.uuid() })
  .strict()
  .openapi('SwitchWorkspaceInput');

/** The person behind a signed-in session; an API key belongs to one workspace and switches nowhere. */
function sessionUser(actor: { type: string; userId: string | null }): string {
  if (actor.type !== 'user' || !actor.userId) {
    throw new AppError('FORBIDDEN', { message: 'Only a signed-in session has workspaces to switch between' });
  }
  return actor.userId;
}

/*
 * Moves this session to another workspace the person is a member of, without a second sign-in:
 * the session row names its workspace, and the next request authenticates into the new one. Other
 * sessions of the same person stay where they are.
 */
export async function switchWorkspace(db: Db, sessionId: string, userId: string, workspaceId: string) {
  const membership = (await workspacesOf(db, userId)).find((w) => w.workspaceId === workspaceId);
  if (!membership)
    throw new AppError('WORKSPACE_NOT_FOUND', { message: 'You are not a member of that workspace' });
  await db.update(sessions).set({ workspaceId }).where(eq(sessions.id, sessionId));
  const user = await findAccount(db, userId);
  return {
    user: { id: userId, email: user?.email ?? null, name: user?.name ?? null },
    workspace: { id: workspaceId, name: membership.name, role: membership.role },
    auth: 'session' as const,
  };
}

/** GET /me/workspaces and POST /me/workspace, added to identity's router. */
export function addWorkspaceSwitchRoutes(app: ReturnType<typeof createRouter>, deps: AppDeps) {
  app.openapi(
    defineRoute(staff(), {
      operationId: 'listMyWorkspaces',
      summary: 'The workspaces you are a member of, to switch between',
      method: 'get',
      path: '/me/workspaces',
      tags: ['Auth'],
      responses: { 200: jsonResponse(myWorkspacesSchema, 'Your workspaces, by name'), ...errorResponses },
    }),
    async (c) => {
      const { actor, workspaceId } = c.get('scope');
      const rows = await workspacesOf(deps.db, sessionUser(actor));
      const data = rows
        .map((r) => ({
          id: r.workspaceId,
          name: r.name,
          role: r.role,
          current: r.workspaceId === workspaceId,
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      return reply(c, myWorkspacesSchema, { data }, 200);
    },
  );

  app.openapi(
    defineRoute(staff(), {
      operationId: 'switchWorkspace',
      summary: 'Move this session to another of your workspaces',
      method: 'post',
      path: '/me/workspace',
      tags: ['Auth'],
      request: jsonBody(switchWorkspaceBody),
      responses: { 200: jsonResponse(meSchema, 'Who you are in the workspace now'), ...errorResponses },
    }),
    async (c) => {
      const userId = sessionUser(c.get('scope').actor);
      const me = await switchWorkspace(deps.db, c.get('sessionId')!, userId, c.req.valid('json').workspaceId);
      // The session's cached scope names the old workspace.
      deps.credentials.clear();
      return reply(c, meSchema, me, 200);
    },
  );
}
