import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { findAccountByEmail } from './accounts.js';
import { memberships, users, workspaces } from './schema.js';
import { AppError } from '../../platform/errors.js';

export type CreateWorkspaceInput = {
  name: string;
  /** The password is hashed by the caller, before its transaction begins: hashing is slow. */
  admin: { email: string; name?: string; passwordHash: string };
};

// Creating a workspace happens before any workspace exists to scope to, so it runs as the system,
// in the caller's transaction (identity's bootstrapWorkspace, which adds the first API key).
export async function createWorkspace(tx: Tx, { name, admin }: CreateWorkspaceInput) {
  const [workspace] = await tx.insert(workspaces).values({ name }).returning();
  // An existing person becomes owner of the new workspace and keeps their password; one
  // invited earlier without a password gets this one.
  let user = await findAccountByEmail(tx, admin.email);
  if (user && !user.passwordHash) {
    [user] = await tx
      .update(users)
      .set({ passwordHash: admin.passwordHash })
      .where(sql`${users.id} = ${user.id}`)
      .returning();
  } else if (!user) {
    [user] = await tx
      .insert(users)
      .values({
        email: admin.email,
        name: admin.name ?? admin.email.split('@')[0]!,
        passwordHash: admin.passwordHash,
      })
      .returning();
  }
  if (!workspace || !user) throw new AppError('INTERNAL');
  await tx.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role: 'owner' });
  return { workspaceId: workspace.id, userId: user.id };
}
