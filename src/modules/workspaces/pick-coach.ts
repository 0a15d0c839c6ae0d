import { and, asc, inArray, ne, sql } from 'drizzle-orm';
import { memberships, teamMembers } from './schema.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';

const COACH_ROLES = ['supervisor', 'admin', 'owner'] as const;

// Coaching goes to someone who leads the agent's team if there is one, otherwise to whoever runs
// the desk: supervisors before admins before owners, the longest-standing first. Never to the
// agent themselves. Without an agent (a follow-up nobody was assigned), simply the desk's lead.
export async function pickCoach(
  ctx: WorkContext,
  teamId: string | null,
  agentId: string | null,
): Promise<string | null> {
  const inTeam = teamId
    ? sql<number>`case when exists (select 1 from ${teamMembers} where ${teamMembers.teamId} = ${teamId} and ${teamMembers.userId} = ${memberships.userId}) then 0 else 1 end`
    : sql<number>`1`;
  const roleOrder = sql<number>`case ${memberships.role} when 'supervisor' then 0 when 'admin' then 1 else 2 end`;
  const [coach] = await ctx.tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(inArray(memberships.role, [...COACH_ROLES]), agentId ? ne(memberships.userId, agentId) : undefined),
    )
    .orderBy(inTeam, roleOrder, asc(memberships.createdAt))
    .limit(1);
  return coach?.userId ?? null;
}
