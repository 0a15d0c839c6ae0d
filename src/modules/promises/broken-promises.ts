import { and, asc, eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { promises } from './schema.js';

/** The promises made in a conversation that were broken, in the order they broke. */
export async function brokenPromises(ctx: WorkContext, conversationId: string) {
  return ctx.tx
    .select({
      type: promises.type,
      reference: promises.reference,
      terms: promises.terms,
      brokenAt: promises.closedAt,
      breaksAt: promises.breaksAt,
    })
    .from(promises)
    .where(and(eq(promises.conversationId, conversationId), eq(promises.status, 'broken')))
    .orderBy(asc(promises.breaksAt));
}
