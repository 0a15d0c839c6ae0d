import { and, eq, inArray, or } from 'drizzle-orm';
import { customerIdentities, type IdentityType } from './schema.js';
import { AppError, type InvalidParam } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { normalizeIdentity, type NormalizedIdentity } from './normalize-identity.js';

export function normalizeAll(
  inputs: { type: IdentityType; value: string }[],
  field: string,
): NormalizedIdentity[] {
  const problems: InvalidParam[] = [];
  const out: NormalizedIdentity[] = [];
  inputs.forEach((input, i) => {
    const n = normalizeIdentity(input.type, input.value);
    if ('error' in n) problems.push({ name: `${field}.${i}.value`, reason: `${input.type} ${n.error}` });
    else if (!out.some((o) => o.type === n.type && o.value === n.value)) out.push(n);
  });
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', {
      message: 'Some identities are not valid',
      invalidParams: problems,
    });
  return out;
}

// Identities are unique per workspace: adding one that another customer holds is a conflict
// that names it, so the caller can merge instead of creating a duplicate profile.
export async function attachIdentities(
  ctx: WorkContext,
  customerId: string,
  identities: NormalizedIdentity[],
  field: string,
) {
  if (!identities.length) return;
  const inserted = await ctx.tx
    .insert(customerIdentities)
    .values(identities.map((i) => ({ workspaceId: ctx.workspaceId, customerId, ...i })))
    .onConflictDoNothing()
    .returning({ type: customerIdentities.type, value: customerIdentities.value });
  if (inserted.length === identities.length) return;
  const taken = await ctx.tx
    .select({
      type: customerIdentities.type,
      value: customerIdentities.value,
      customerId: customerIdentities.customerId,
    })
    .from(customerIdentities)
    .where(
      or(
        ...identities.map((i) =>
          and(eq(customerIdentities.type, i.type), eq(customerIdentities.value, i.value)),
        ),
      ),
    );
  const conflicts = taken.filter((t) => t.customerId !== customerId);
  if (!conflicts.length) return;
  throw new AppError('IDENTITY_TAKEN', {
    message: `Already belongs to customer ${conflicts[0]!.customerId}: merge the profiles instead`,
    invalidParams: conflicts.map((c) => ({
      name: `${field}.${identities.findIndex((i) => i.type === c.type && i.value === c.value)}.value`,
      reason: `${c.type} ${c.value} belongs to customer ${c.customerId}`,
    })),
  });
}

export async function identitiesOf(ctx: WorkContext, customerIds: string[]) {
  if (!customerIds.length) return [];
  return ctx.tx
    .select()
    .from(customerIdentities)
    .where(inArray(customerIdentities.customerId, customerIds))
    .orderBy(customerIdentities.createdAt);
}
