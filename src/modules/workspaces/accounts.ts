import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Role } from '../../platform/access/roles.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { memberships, users, workspaces } from './schema.js';

// People's accounts and where they belong, for the identity module, which proves who is calling.
// Accounts are global (one person, several workspaces), so the lookups that happen before any
// workspace is known (sign-in, credentials) take the system's database handle.

export async function findAccountByEmail(db: Db, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user;
}

export async function findAccount(db: Db, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** The workspaces a person is a member of, with their role and the workspace's name. */
export const workspacesOf = (db: Db, userId: string) =>
  db
    .select({ workspaceId: memberships.workspaceId, role: memberships.role, name: workspaces.name })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId));

/** A person's role in one workspace, or null when they are not (or no longer) a member. */
export async function roleIn(db: Db, workspaceId: string, userId: string): Promise<Role | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

/** The same, inside the workspace a request works in. */
export const memberRole = (ctx: WorkContext, userId: string) => roleIn(ctx.tx, ctx.workspaceId, userId);
