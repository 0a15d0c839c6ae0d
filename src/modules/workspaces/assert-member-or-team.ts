import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { memberships, teams } from './schema.js';

// For operations elsewhere that take a person or a team as input: a clear 400-style problem that
// names the field, rather than a foreign-key failure.
export async function assertMember(ctx: WorkContext, userId: string, field: string) {
  const [m] = await ctx.tx
    .select({ id: memberships.userId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  if (!m)
    throw new AppError('USER_NOT_FOUND', {
      invalidParams: [{ name: field, reason: 'not a member of this workspace' }],
    });
}

export async function assertTeam(ctx: WorkContext, teamId: string, field: string) {
  const [t] = await ctx.tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!t)
    throw new AppError('TEAM_NOT_FOUND', {
      invalidParams: [{ name: field, reason: 'no such team in this workspace' }],
    });
}
