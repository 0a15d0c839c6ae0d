import { eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadPolicy } from './policy-row.js';
import { slaPolicies } from './schema.js';

// Clocks the policy started run on to their end with the seconds they were given; conversations
// choose a policy again from their next re-evaluation.
export async function deletePolicy(ctx: WorkContext, id: string) {
  await loadPolicy(ctx, id, { forUpdate: true });
  await ctx.tx.delete(slaPolicies).where(eq(slaPolicies.id, id));
}
