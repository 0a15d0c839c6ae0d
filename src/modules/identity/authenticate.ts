import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiKeys, sessions } from './schema.js';
import { memberships } from '../workspaces/schema.js';
import { AppError } from '../../platform/errors.js';
import type { Scope } from '../../platform/tenancy/scope.js';
import { keyPower } from './key-power.js';

const LAST_USED_RESOLUTION_MS = 60_000;

// Credentials are looked up by their hash (computed once by the caller, which also keys its cache)
// before any workspace is known, so these reads run as the system; everything after runs scoped to
// the workspace they name.
export async function authenticateApiKey(db: Db, tokenHash: string): Promise<Scope> {
  const [found] = await db
    .select({ key: apiKeys, creatorRole: memberships.role })
    .from(apiKeys)
    .leftJoin(
      memberships,
      and(eq(memberships.userId, apiKeys.createdBy), eq(memberships.workspaceId, apiKeys.workspaceId)),
    )
    .where(and(eq(apiKeys.keyHash, tokenHash), isNull(apiKeys.revokedAt)));
  const power = found && keyPower(found.key, found.creatorRole);
  if (!found || !power)
    throw new AppError('UNAUTHENTICATED', { message: 'The API key is not valid or was revoked' });
  const { key } = found;
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiKeys.id, key.id));
  }
  return {
    workspaceId: key.workspaceId,
    actor: {
      type: 'api_key',
      apiKeyId: key.id,
      role: power.role,
      userId: key.createdBy,
      permissions: power.permissions,
    },
  };
}

export async function authenticateSession(db: Db, tokenHash: string): Promise<Scope & { sessionId: string }> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      userId: sessions.userId,
      workspaceId: sessions.workspaceId,
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(
      memberships,
      and(eq(memberships.userId, sessions.userId), eq(memberships.workspaceId, sessions.workspaceId)),
    )
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)));
  if (!row) throw new AppError('UNAUTHENTICATED', { message: 'The session has expired; log in again' });
  return {
    sessionId: row.sessionId,
    workspaceId: row.workspaceId,
    actor: { type: 'user', userId: row.userId, role: row.role },
  };
}
