import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { slaPolicies, type PolicyRow, type TargetKind } from './schema.js';

export async function loadPolicy(ctx: WorkContext, id: string, options: { forUpdate?: boolean } = {}) {
  const query = ctx.tx.select().from(slaPolicies).where(eq(slaPolicies.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw new AppError('SLA_POLICY_NOT_FOUND');
  return row;
}

export const listPolicies = (ctx: WorkContext) =>
  ctx.tx.select().from(slaPolicies).orderBy(asc(slaPolicies.name), asc(slaPolicies.id));

export type Subject = { teamId: string | null; priority: string; channel: string };

/*
 * The policy for a conversation: of those whose every criterion matches, the most specific. A
 * team outweighs a priority, which outweighs a channel (4, 2, 1: no two sets of criteria tie),
 * and no two policies have the same criteria, so the choice is always one policy or none.
 */
export async function matchPolicy(ctx: WorkContext, s: Subject): Promise<PolicyRow | null> {
  const specificity = sql`(CASE WHEN ${slaPolicies.teamId} IS NULL THEN 0 ELSE 4 END
    + CASE WHEN ${slaPolicies.priority} IS NULL THEN 0 ELSE 2 END
    + CASE WHEN ${slaPolicies.channel} IS NULL THEN 0 ELSE 1 END)`;
  const [row] = await ctx.tx
    .select()
    .from(slaPolicies)
    .where(
      and(
        s.teamId
          ? or(isNull(slaPolicies.teamId), eq(slaPolicies.teamId, s.teamId))
          : isNull(slaPolicies.teamId),
        or(isNull(slaPolicies.priority), eq(slaPolicies.priority, s.priority)),
        or(isNull(slaPolicies.channel), eq(slaPolicies.channel, s.channel)),
      ),
    )
    .orderBy(desc(specificity))
    .limit(1);
  return row ?? null;
}

/** Whether the workspace has any policy: without one, service levels follow nothing. */
export async function anyPolicy(ctx: WorkContext) {
  const [row] = await ctx.tx.select({ id: slaPolicies.id }).from(slaPolicies).limit(1);
  return Boolean(row);
}

export const scopeOf = (a: { teamId?: string | null; priority?: string | null; channel?: string | null }) =>
  `${a.teamId ?? '*'}|${a.priority ?? '*'}|${a.channel ?? '*'}`;

/** The seconds a policy gives a kind of target, or null when it sets none. */
export function secondsFor(policy: PolicyRow, kind: TargetKind): number | null {
  switch (kind) {
    case 'firstHumanResponse':
      return policy.firstHumanResponseSeconds;
    case 'nextResponse':
      return policy.nextResponseSeconds;
    case 'resolution':
      return policy.resolutionSeconds;
  }
}

export function presentPolicy(row: PolicyRow) {
  return {
    id: row.id,
    name: row.name,
    appliesTo: { teamId: row.teamId, priority: row.priority, channel: row.channel },
    targets: {
      firstHumanResponseSeconds: row.firstHumanResponseSeconds,
      nextResponseSeconds: row.nextResponseSeconds,
      resolutionSeconds: row.resolutionSeconds,
    },
    calendarId: row.calendarId,
    createdAt: row.createdAt,
  };
}

/** A clash of criteria answered as such rather than as a bare conflict. */
export function scopeTaken(err: unknown): never {
  const code = (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
  if (code === '23505') {
    throw new AppError('SLA_POLICY_SCOPE_TAKEN', {
      invalidParams: [{ name: 'appliesTo', reason: 'another policy has exactly these criteria' }],
    });
  }
  throw err;
}
