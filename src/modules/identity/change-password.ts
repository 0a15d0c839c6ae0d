import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions } from './schema.js';
import { hashPassword, verifyPassword } from '../../platform/access/secrets.js';
import { AppError } from '../../platform/errors.js';
import { findAccount, passwordProblem, setPasswordHash } from '../workspaces/index.js';
import { countAttempt, forgiveAttempt, throttleKeys } from './login-throttle.js';

export type ChangePasswordInput = {
  userId: string;
  currentPassword: string;
  newPassword: string;
  /** The session making the change, which stays signed in; every other one ends. */
  keepSessionId?: string;
  address: string;
};

// Accounts are global (one person, several workspaces), so this runs as the system, like login.
// Guessing the current password is throttled like a login: a stolen session must not become a
// way to try passwords.
export async function changePassword(db: Db, input: ChangePasswordInput): Promise<void> {
  const user = await findAccount(db, input.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const throttle = throttleKeys(user.email, input.address);
  await countAttempt(db, throttle);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('CURRENT_PASSWORD_WRONG', {
      invalidParams: [{ name: 'currentPassword', reason: 'is not your current password' }],
    });
  }
  await forgiveAttempt(db, throttle);
  const problem =
    input.newPassword === input.currentPassword
      ? 'must differ from the current password'
      : passwordProblem(input.newPassword, user.email);
  if (problem) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'Invalid value for: newPassword',
      invalidParams: [{ name: 'newPassword', reason: problem }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash);
    await tx
      .delete(sessions)
      .where(
        input.keepSessionId
          ? and(eq(sessions.userId, user.id), ne(sessions.id, input.keepSessionId))
          : eq(sessions.userId, user.id),
      );
  });
}
