import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiKeys, sessions } from './schema.js';
import { roleIn } from '../workspaces/index.js';
import { AppError } from '../../platform/errors.js';
import type { Scope } from '../../platform/tenancy/scope.js';
import { keyPower } from './key-power.js';

const LAST_USED_RESOLUTION_MS = 60_000;

// Credentials are looked up by their hash (computed once by the caller, which also keys its cache)
// before any workspace is known, so these reads run as the system; everything after runs scoped to
// the workspace they name.
export async function authenticateApiKey(db: Db, tokenHash: string): Promise<Scope> {
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, tokenHash), isNull(apiKeys.revokedAt)));
  const creatorRole = key?.createdBy ? await roleIn(db, key.workspaceId, key.createdBy) : null;
  const power = key && keyPower(key, creatorRole);
  if (!key || !power)
    throw new AppError('UNAUTHENTICATED', { message: 'The API key is not valid or was revoked' });
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
      automation: key.kind === 'automation',
    },
  };
}

export async function authenticateSession(db: Db, tokenHash: string): Promise<Scope & { sessionId: string }> {
  const [row] = await db
    .select({ sessionId: sessions.id, userId: sessions.userId, workspaceId: sessions.workspaceId })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)));
  // A session ends with the membership it was opened in.
  const role = row && (await roleIn(db, row.workspaceId, row.userId));
  if (!row || !role)
    throw new AppError('UNAUTHENTICATED', { message: 'The session has expired; log in again' });
  return {
    sessionId: row.sessionId,
    workspaceId: row.workspaceId,
    actor: { type: 'user', userId: row.userId, role },
  };
}
