import { eq } from 'drizzle-orm';
import { workspaces } from './schema.js';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';

const visible = {
  id: workspaces.id,
  name: workspaces.name,
  timezone: workspaces.timezone,
  createdAt: workspaces.createdAt,
};

export async function getWorkspace(ctx: WorkContext) {
  const [row] = await ctx.tx.select(visible).from(workspaces).where(eq(workspaces.id, ctx.workspaceId));
  if (!row) throw new AppError('WORKSPACE_NOT_FOUND');
  return row;
}

export async function updateWorkspace(ctx: WorkContext, input: { name?: string; timezone?: string }) {
  const [row] = await ctx.tx
    .update(workspaces)
    .set(input)
    .where(eq(workspaces.id, ctx.workspaceId))
    .returning(visible);
  if (!row) throw new AppError('WORKSPACE_NOT_FOUND');
  return row;
}
