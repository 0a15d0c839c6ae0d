import { eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import {
  checkReferences,
  scopeColumns,
  targetColumns,
  type PolicyScope,
  type PolicyTargets,
} from './create-policy.js';
import { loadPolicy, scopeTaken } from './policy-row.js';
import { slaPolicies } from './schema.js';

export type UpdatePolicyInput = {
  name?: string;
  appliesTo?: PolicyScope;
  targets?: PolicyTargets;
  calendarId?: string | null;
};

/*
 * A changed policy applies to new conversations and to each running one from its next
 * re-evaluation (a new team or priority); due times already given are not moved behind the
 * desk's back.
 */
export async function updatePolicy(ctx: WorkContext, id: string, input: UpdatePolicyInput) {
  await loadPolicy(ctx, id, { forUpdate: true });
  await checkReferences(ctx, input.appliesTo?.teamId, input.calendarId);
  const [row] = await ctx.tx
    .update(slaPolicies)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.appliesTo ? scopeColumns(input.appliesTo) : {}),
      ...(input.targets ? targetColumns(input.targets) : {}),
      ...(input.calendarId !== undefined ? { calendarId: input.calendarId } : {}),
    })
    .where(eq(slaPolicies.id, id))
    .returning()
    .catch(scopeTaken);
  return row!;
}
