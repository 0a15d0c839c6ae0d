import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { memberships, teamMembers, teams, users } from '../modules/workspaces/schema.js';
import type { WorkContext } from '../platform/tenancy/scope.js';
import type { Speaker } from './compose-thread.js';
import { demoStaff, demoTeams, type StaffMember, type TeamKey } from './people.js';

export type DemoStaff = {
  people: (StaffMember & { userId: string; email: string })[];
  teamIds: Record<TeamKey, string>;
  staffByTeam: Record<TeamKey, Speaker[]>;
};

// People are global accounts, so the demo's own email domain keeps every run's people apart
// from real accounts and from earlier demos; they share one password, printed once.
export async function createStaff(
  ctx: WorkContext,
  options: { emailDomain: string; passwordHash: string },
): Promise<DemoStaff> {
  const people = demoStaff.map((member) => ({
    ...member,
    userId: randomUUID(),
    email: `${member.name.toLowerCase().replace(/[^a-z]+/g, '.')}@${options.emailDomain}`,
  }));
  await ctx.tx
    .insert(users)
    .values(
      people.map((p) => ({ id: p.userId, email: p.email, name: p.name, passwordHash: options.passwordHash })),
    );
  await ctx.tx
    .insert(memberships)
    .values(people.map((p) => ({ workspaceId: ctx.workspaceId, userId: p.userId, role: p.role })));

  // Loading into an existing workspace reuses teams that already carry these names.
  const keys = Object.keys(demoTeams) as TeamKey[];
  const names = keys.map((k) => demoTeams[k].name);
  await ctx.tx
    .insert(teams)
    .values(names.map((name) => ({ workspaceId: ctx.workspaceId, name })))
    .onConflictDoNothing();
  const rows = await ctx.tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(
      inArray(
        sql`lower(${teams.name})`,
        names.map((n) => n.toLowerCase()),
      ),
    );
  const teamIds = Object.fromEntries(
    keys.map((k) => [k, rows.find((r) => r.name.toLowerCase() === demoTeams[k].name.toLowerCase())!.id]),
  ) as Record<TeamKey, string>;

  const links = people.flatMap((p) =>
    p.teams.map((team) => ({ workspaceId: ctx.workspaceId, teamId: teamIds[team], userId: p.userId })),
  );
  await ctx.tx.insert(teamMembers).values(links).onConflictDoNothing();

  const staffByTeam = Object.fromEntries(
    keys.map((team) => [
      team,
      people
        .filter((p) => p.teams.includes(team))
        .map((p) => ({
          userId: p.userId,
          name: p.name,
          first: p.name.split(' ')[0]!,
          team,
          slipRate: p.slipRate,
        })),
    ]),
  ) as Record<TeamKey, Speaker[]>;
  return { people, teamIds, staffByTeam };
}
