import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { memberships, teamMembers, teams, users, type Capacity } from './schema.js';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';

export async function createTeam(ctx: WorkContext, input: { name: string }) {
  const [team] = await ctx.tx
    .insert(teams)
    .values({ workspaceId: ctx.workspaceId, name: input.name })
    .onConflictDoNothing()
    .returning();
  if (!team) throw new AppError('TEAM_NAME_TAKEN', { message: `A team named "${input.name}" exists` });
  return { ...team, members: [] as { id: string; name: string }[] };
}

export async function getTeam(ctx: WorkContext, id: string) {
  const [team] = await ctx.tx.select().from(teams).where(eq(teams.id, id));
  if (!team) throw new AppError('TEAM_NOT_FOUND');
  const members = await ctx.tx
    .select({ id: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, id));
  return { ...team, members };
}

export async function updateTeam(
  ctx: WorkContext,
  id: string,
  change: { name?: string; autoAssign?: boolean; preferredSkillsWaitSeconds?: number },
) {
  await getTeam(ctx, id);
  if (change.name) {
    const [taken] = await ctx.tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(sql`lower(${teams.name}) = ${change.name.toLowerCase()}`, ne(teams.id, id)));
    if (taken) throw new AppError('TEAM_NAME_TAKEN', { message: `A team named "${change.name}" exists` });
  }
  const [team] = await ctx.tx.update(teams).set(change).where(eq(teams.id, id)).returning();
  ctx.emit('team.updated', {
    teamId: id,
    name: team!.name,
    autoAssign: team!.autoAssign,
    preferredSkillsWaitSeconds: team!.preferredSkillsWaitSeconds,
  });
  return getTeam(ctx, id);
}

/**
 * A team as routing sees it: whether it assigns by itself, how long preferred skills are waited
 * for, and its members with their capacity and skills.
 */
export async function teamRoster(ctx: WorkContext, teamId: string) {
  // Both asked at once: routing reads the roster on every decision.
  const [[team], members] = await Promise.all([
    ctx.tx
      .select({ autoAssign: teams.autoAssign, preferredSkillsWaitSeconds: teams.preferredSkillsWaitSeconds })
      .from(teams)
      .where(eq(teams.id, teamId)),
    ctx.tx
      .select({ userId: teamMembers.userId, capacity: memberships.capacity, skills: memberships.skills })
      .from(teamMembers)
      .innerJoin(memberships, eq(memberships.userId, teamMembers.userId))
      .where(eq(teamMembers.teamId, teamId)),
  ]);
  if (!team) return null;
  return { teamId, ...team, members };
}

/** The teams a member belongs to (routing offers them work from each). */
export async function teamsOfMember(ctx: WorkContext, userId: string) {
  const rows = await ctx.tx
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, userId));
  return rows.map((r) => r.teamId);
}

/** Members' capacities by user id; someone who is not a member is absent from the map. */
export async function capacitiesOf(ctx: WorkContext, userIds: readonly string[]) {
  if (!userIds.length) return new Map<string, Capacity>();
  const rows = await ctx.tx
    .select({ userId: memberships.userId, capacity: memberships.capacity })
    .from(memberships)
    .where(inArray(memberships.userId, [...userIds]));
  return new Map(rows.map((r) => [r.userId, r.capacity]));
}

export async function listTeams(ctx: WorkContext) {
  const rows = await ctx.tx
    .select({
      id: teams.id,
      workspaceId: teams.workspaceId,
      name: teams.name,
      autoAssign: teams.autoAssign,
      preferredSkillsWaitSeconds: teams.preferredSkillsWaitSeconds,
      createdAt: teams.createdAt,
      memberCount: sql<number>`(select count(*)::int from ${teamMembers} where ${teamMembers.teamId} = ${teams.id})`,
    })
    .from(teams)
    .orderBy(teams.name);
  return rows;
}

export async function addTeamMember(ctx: WorkContext, teamId: string, userId: string) {
  await getTeam(ctx, teamId);
  const [member] = await ctx.tx.select().from(memberships).where(eq(memberships.userId, userId));
  if (!member) throw new AppError('USER_NOT_FOUND');
  await ctx.tx
    .insert(teamMembers)
    .values({ workspaceId: ctx.workspaceId, teamId, userId })
    .onConflictDoNothing();
  return getTeam(ctx, teamId);
}
