import { requirePermission } from '../../platform/access/permissions.js';
import { eq } from 'drizzle-orm';
import { findAccountByEmail } from './accounts.js';
import { memberships, users, type Capacity, type Role, type SkillLevel } from './schema.js';
import { roleRank } from '../../platform/access/roles.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword } from '../../platform/access/secrets.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';

const memberColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: memberships.role,
  capacity: memberships.capacity,
  skills: memberships.skills,
  joinedAt: memberships.createdAt,
};

export async function listMembers(ctx: WorkContext) {
  return ctx.tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .orderBy(users.name);
}

export async function getMember(ctx: WorkContext, userId: string) {
  const [member] = await ctx.tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.userId, userId));
  if (!member) throw new AppError('USER_NOT_FOUND');
  return member;
}

function assertCanGrant(ctx: WorkContext, role: Role, actorRole: Role = ctx.actor.role) {
  if (roleRank[role] > roleRank[actorRole]) {
    throw new AppError('FORBIDDEN', { message: `A ${actorRole} cannot grant the ${role} role` });
  }
}

// The request was authenticated before it waited on the owner rows, and the caller may have been
// demoted meanwhile: once the rows are locked, the caller acts with at most their role as it now is.
async function actingRole(ctx: WorkContext): Promise<Role> {
  if (!ctx.actor.userId) return ctx.actor.role;
  const [row] = await ctx.tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, ctx.actor.userId));
  if (!row) throw new AppError('FORBIDDEN', { message: 'You are no longer a member of this workspace' });
  return roleRank[row.role] < roleRank[ctx.actor.role] ? row.role : ctx.actor.role;
}

// Adds a person to the workspace, creating their account if this email is new. The users table
// is global, so it is read by email without exposing anything but the match.
export async function addMember(
  ctx: WorkContext,
  input: { email: string; name?: string; password?: string; role: Role },
) {
  assertCanGrant(ctx, input.role);
  const existing = await findAccountByEmail(ctx.tx, input.email);
  let userId = existing?.id;
  if (!userId) {
    const [created] = await ctx.tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name ?? input.email.split('@')[0]!,
        passwordHash: input.password ? await hashPassword(input.password) : null,
      })
      .returning({ id: users.id });
    userId = created!.id;
  }
  const inserted = await ctx.tx
    .insert(memberships)
    .values({ workspaceId: ctx.workspaceId, userId, role: input.role })
    .onConflictDoNothing()
    .returning();
  if (!inserted.length)
    throw new AppError('ALREADY_MEMBER', { message: `${input.email} is already a member` });
  return getMember(ctx, userId);
}

export type MemberChange = { role?: Role; capacity?: Partial<Capacity>; skills?: SkillLevel[] };

// A role, capacity and skills change in one request; a capacity is merged over the current one, so
// a client may send only the channel it changes; skills are replaced as a whole list.
export async function updateMember(ctx: WorkContext, userId: string, change: MemberChange) {
  if (change.role) {
    requirePermission(ctx.actor, 'members:manage');
    await changeMemberRole(ctx, userId, change.role);
  }
  const current = await getMember(ctx, userId);
  const capacity = change.capacity ? { ...current.capacity, ...change.capacity } : undefined;
  const { skills } = change;
  if (capacity || skills)
    await ctx.tx
      .update(memberships)
      .set({ ...(capacity ? { capacity } : {}), ...(skills ? { skills } : {}) })
      .where(eq(memberships.userId, userId));
  ctx.emit('member.updated', {
    userId,
    ...(change.role ? { role: change.role } : {}),
    ...(capacity ? { capacity } : {}),
    ...(skills ? { skills } : {}),
  });
  return { ...current, ...(capacity ? { capacity } : {}), ...(skills ? { skills } : {}) };
}

async function changeMemberRole(ctx: WorkContext, userId: string, role: Role) {
  const owners = await lockOwners(ctx);
  const actor = await actingRole(ctx);
  const current = await getMember(ctx, userId);
  assertCanGrant(ctx, role, actor);
  assertCanGrant(ctx, current.role, actor);
  if (current.role === 'owner' && role !== 'owner') assertAnotherOwner(owners, userId);
  await ctx.tx.update(memberships).set({ role }).where(eq(memberships.userId, userId));
}

// A member who leaves takes their API keys with them: a key acts for the person who made it.
export async function removeMember(ctx: WorkContext, userId: string) {
  const owners = await lockOwners(ctx);
  const current = await getMember(ctx, userId);
  assertCanGrant(ctx, current.role, await actingRole(ctx));
  if (current.role === 'owner') assertAnotherOwner(owners, userId);
  await ctx.tx.delete(memberships).where(eq(memberships.userId, userId));
  ctx.emit('member.removed', { userId });
}

/*
 * Two owners demoting each other at once would each see the other still an owner and both
 * commit, leaving none. Locking the owner rows first (in one order, so two such requests cannot
 * deadlock) makes the second wait for the first and then read who is still an owner.
 */
async function lockOwners(ctx: WorkContext): Promise<string[]> {
  const rows = await ctx.tx
    .select({ id: memberships.userId })
    .from(memberships)
    .where(eq(memberships.role, 'owner'))
    .orderBy(memberships.userId)
    .for('update');
  return rows.map((r) => r.id);
}

function assertAnotherOwner(owners: string[], userId: string) {
  if (!owners.some((id) => id !== userId)) {
    throw new AppError('INVALID_STATE', { message: 'A workspace needs at least one owner' });
  }
}
