import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiKeys } from '../identity/schema.js';
import { memberships, users, workspaces } from './schema.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword, hashToken, newToken } from '../../platform/access/secrets.js';

export type CreateWorkspaceInput = {
  db: Db;
  name: string;
  admin: { email: string; name?: string; password: string };
};

// Creating a workspace happens before any workspace exists to scope to, so it runs as the
// system; it creates the owner and a first API key, shown once and stored hashed.
export async function createWorkspace({ db, name, admin }: CreateWorkspaceInput) {
  const passwordHash = await hashPassword(admin.password);
  const { token, lookup } = newToken('esk');
  return db.transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values({ name }).returning();
    const existing = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${admin.email.toLowerCase()}`);
    // An existing person becomes owner of the new workspace and keeps their password; one
    // invited earlier without a password gets this one.
    let user = existing[0];
    if (user && !user.passwordHash) {
      [user] = await tx
        .update(users)
        .set({ passwordHash })
        .where(sql`${users.id} = ${user.id}`)
        .returning();
    } else if (!user) {
      [user] = await tx
        .insert(users)
        .values({ email: admin.email, name: admin.name ?? admin.email.split('@')[0]!, passwordHash })
        .returning();
    }
    if (!workspace || !user) throw new AppError('INTERNAL');
    await tx.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role: 'owner' });
    const [key] = await tx
      .insert(apiKeys)
      .values({
        workspaceId: workspace.id,
        name: 'Initial key',
        prefix: lookup,
        keyHash: hashToken(token),
        role: 'owner',
        createdBy: user.id,
      })
      .returning({ id: apiKeys.id });
    return { workspaceId: workspace.id, userId: user.id, apiKey: token, apiKeyId: key!.id };
  });
}
