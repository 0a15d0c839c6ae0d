import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { assertTeam } from '../workspaces/index.js';
import { slaCalendars, slaPolicies } from './schema.js';
import { scopeOf, scopeTaken } from './policy-row.js';
import { eq } from 'drizzle-orm';

export type PolicyScope = { teamId?: string; priority?: string; channel?: string };
export type PolicyTargets = {
  firstHumanResponseSeconds?: number;
  nextResponseSeconds?: number;
  resolutionSeconds?: number;
};
export type CreatePolicyInput = {
  name: string;
  appliesTo: PolicyScope;
  targets: PolicyTargets;
  calendarId?: string;
};

export async function createPolicy(ctx: WorkContext, input: CreatePolicyInput) {
  await checkReferences(ctx, input.appliesTo.teamId, input.calendarId);
  const [row] = await ctx.tx
    .insert(slaPolicies)
    .values({
      workspaceId: ctx.workspaceId,
      name: input.name,
      ...scopeColumns(input.appliesTo),
      ...targetColumns(input.targets),
      calendarId: input.calendarId ?? null,
    })
    .returning()
    .catch(scopeTaken);
  return row!;
}

export const scopeColumns = (a: PolicyScope) => ({
  teamId: a.teamId ?? null,
  priority: a.priority ?? null,
  channel: a.channel ?? null,
  scope: scopeOf(a),
});

export const targetColumns = (t: PolicyTargets) => ({
  firstHumanResponseSeconds: t.firstHumanResponseSeconds ?? null,
  nextResponseSeconds: t.nextResponseSeconds ?? null,
  resolutionSeconds: t.resolutionSeconds ?? null,
});

// A team or calendar of another workspace reads as missing, named by its field.
export async function checkReferences(ctx: WorkContext, teamId?: string | null, calendarId?: string | null) {
  if (teamId) await assertTeam(ctx, teamId, 'appliesTo.teamId');
  if (!calendarId) return;
  const [calendar] = await ctx.tx
    .select({ id: slaCalendars.id })
    .from(slaCalendars)
    .where(eq(slaCalendars.id, calendarId));
  if (!calendar) {
    throw new AppError('CALENDAR_NOT_FOUND', {
      invalidParams: [{ name: 'calendarId', reason: 'no such calendar in this workspace' }],
    });
  }
}
