import { desc, eq } from 'drizzle-orm';
import { apiKeys, type Role } from '../../db/schema.js';
import { roleRank } from '../../platform/access/roles.js';
import { AppError } from '../../platform/errors.js';
import { hashToken, newToken } from '../../platform/access/secrets.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';

const visible = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  role: apiKeys.role,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

// The key itself is returned once; only its hash is stored.
export async function createApiKey(ctx: WorkContext, input: { name: string; role?: Role }) {
  const role = input.role ?? 'admin';
  if (roleRank[role] > roleRank[ctx.actor.role]) {
    throw new AppError('FORBIDDEN', {
      message: `A ${ctx.actor.role} cannot create a key with the ${role} role`,
    });
  }
  const { token, lookup } = newToken('esk');
  const [row] = await ctx.tx
    .insert(apiKeys)
    .values({
      workspaceId: ctx.workspaceId,
      name: input.name,
      prefix: lookup,
      keyHash: hashToken(token),
      role,
      createdBy: ctx.actor.userId,
    })
    .returning(visible);
  return { ...row!, key: token };
}

export const listApiKeys = (ctx: WorkContext) =>
  ctx.tx.select(visible).from(apiKeys).orderBy(desc(apiKeys.createdAt));

export async function revokeApiKey(ctx: WorkContext, id: string) {
  const [row] = await ctx.tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(eq(apiKeys.id, id))
    .returning(visible);
  if (!row) throw new AppError('API_KEY_NOT_FOUND');
  return row;
}
