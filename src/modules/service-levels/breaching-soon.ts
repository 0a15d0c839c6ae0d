import { and, asc, eq, lte } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { slaTargets } from './schema.js';

/**
 * Running clocks due within `withinSeconds` (overdue ones the sweep has not reached included),
 * soonest first: the inbox's "breaching soon". One range of the workspace's due-time index.
 */
export async function breachingSoon(
  ctx: WorkContext,
  q: { withinSeconds: number; limit: number },
  now = new Date(),
) {
  return ctx.tx
    .select({
      conversationId: slaTargets.conversationId,
      targetId: slaTargets.id,
      kind: slaTargets.kind,
      policyId: slaTargets.policyId,
      dueAt: slaTargets.dueAt,
    })
    .from(slaTargets)
    .where(
      and(
        eq(slaTargets.workspaceId, ctx.workspaceId),
        eq(slaTargets.status, 'active'),
        lte(slaTargets.dueAt, new Date(now.getTime() + q.withinSeconds * 1000)),
      ),
    )
    .orderBy(asc(slaTargets.dueAt), asc(slaTargets.id))
    .limit(q.limit);
}
