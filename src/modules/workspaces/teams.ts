import { eq, sql } from 'drizzle-orm';
import { memberships, teamMembers, teams, users } from './schema.js';
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

export async function listTeams(ctx: WorkContext) {
  const rows = await ctx.tx
    .select({
      id: teams.id,
      workspaceId: teams.workspaceId,
      name: teams.name,
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
