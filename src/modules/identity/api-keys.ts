import { desc, eq } from 'drizzle-orm';
import { apiKeys } from './schema.js';
import type { Role } from '../../platform/access/roles.js';
import { memberRole } from '../workspaces/index.js';
import { isKeyOnlyPermission, keyOnlyPermissions } from '../../platform/access/permissions.js';
import { roleRank } from '../../platform/access/roles.js';
import { AppError } from '../../platform/errors.js';
import { hashToken, newToken } from '../../platform/access/secrets.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { keyRank } from './key-power.js';

const visible = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  role: apiKeys.role,
  kind: apiKeys.kind,
  permissions: apiKeys.permissions,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

// The key itself is returned once; only its hash is stored.
export async function createApiKey(
  ctx: WorkContext,
  input: { name: string; role?: Role; kind?: 'integration' | 'automation'; permissions?: string[] },
) {
  const role = input.role ?? 'admin';
  if (roleRank[role] > roleRank[ctx.actor.role]) {
    throw new AppError('FORBIDDEN', {
      message: `A ${ctx.actor.role} cannot create a key with the ${role} role`,
    });
  }
  const asked = input.permissions ?? [];
  const unknown = asked.flatMap((p, i) => (isKeyOnlyPermission(p) ? [] : [i]));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', {
      message: `Not a permission a key can be given: ${unknown.map((i) => asked[i]).join(', ')}`,
      invalidParams: unknown.map((i) => ({
        name: `permissions.${i}`,
        reason: `must be one of: ${keyOnlyPermissions().join(', ')}`,
      })),
    });
  }
  const permissions = [...new Set(asked)];
  // Rights no role holds are for channels and integrations; only an owner hands them out.
  if (permissions.length && ctx.actor.role !== 'owner') {
    throw new AppError('FORBIDDEN', { message: 'Only an owner can give a key rights beyond its role' });
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
      kind: input.kind ?? 'integration',
      permissions,
      createdBy: ctx.actor.userId,
    })
    .returning(visible);
  return { ...row!, key: token };
}

export const listApiKeys = (ctx: WorkContext) =>
  ctx.tx.select(visible).from(apiKeys).orderBy(desc(apiKeys.createdAt));

// Revoking respects rank: an admin cannot switch off an owner's integration, nor a key that
// carries the owner role.
export async function revokeApiKey(ctx: WorkContext, id: string) {
  const [target] = await ctx.tx
    .select({ role: apiKeys.role, createdBy: apiKeys.createdBy })
    .from(apiKeys)
    .where(eq(apiKeys.id, id));
  if (!target) throw new AppError('API_KEY_NOT_FOUND');
  const creatorRole = target.createdBy ? await memberRole(ctx, target.createdBy) : null;
  if (keyRank(target.role, creatorRole) > roleRank[ctx.actor.role]) {
    throw new AppError('FORBIDDEN', {
      message: `A ${ctx.actor.role} cannot revoke a key of a higher-ranked member or role`,
    });
  }
  const [row] = await ctx.tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(eq(apiKeys.id, id))
    .returning(visible);
  return row!;
}
