import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { findAccountByEmail, workspacesOf } from '../workspaces/index.js';
import { sessions } from './schema.js';
import { AppError } from '../../platform/errors.js';
import { hashToken, newToken, verifyPassword } from '../../platform/access/secrets.js';
import { countAttempt, forgiveAttempt, throttleKeys } from './login-throttle.js';

export const SESSION_DAYS = 14;

export async function login(options: {
  db: Db;
  email: string;
  password: string;
  workspaceId?: string;
  /** Where the attempt comes from, for throttling. */
  address: string;
}) {
  const { db, email, password, workspaceId } = options;
  const throttle = throttleKeys(email, options.address);
  await countAttempt(db, throttle);
  const user = await findAccountByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS');
  await forgiveAttempt(db, throttle);
  const rows = await workspacesOf(db, user.id);
  const membership = workspaceId ? rows.find((r) => r.workspaceId === workspaceId) : rows[0];
  if (!membership) {
    throw new AppError(rows.length ? 'WORKSPACE_NOT_FOUND' : 'INVALID_CREDENTIALS', {
      message: rows.length ? 'You are not a member of that workspace' : undefined,
    });
  }
  const { token } = newToken('ess');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId: user.id, workspaceId: membership.workspaceId, expiresAt });
  return {
    token,
    expiresAt,
    user: { id: user.id, email: user.email, name: user.name },
    workspace: { id: membership.workspaceId, name: membership.name, role: membership.role },
    workspaces: rows.map((r) => ({ id: r.workspaceId, name: r.name, role: r.role })),
  };
}

export async function logout(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
