import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import { paginate } from '../../platform/http/paginate.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { promiseAlerts, promises } from './schema.js';

export type ListAlertsInput = { recipientId?: string; limit: number; cursor?: string };

/*
 * Alerts for a supervisor, newest first: without `recipientId`, those addressed to the caller and
 * those addressed to nobody (a desk with no one above the promise's owner); with it, that
 * member's. A key acting for nobody sees them all.
 */
export async function listAlerts(ctx: WorkContext, input: ListAlertsInput) {
  const me = ctx.actor.userId;
  const where: SQL | undefined = input.recipientId
    ? eq(promiseAlerts.recipientId, input.recipientId)
    : me
      ? or(eq(promiseAlerts.recipientId, me), isNull(promiseAlerts.recipientId))
      : undefined;
  return paginate(
    (after, order, take) =>
      ctx.tx
        .select({
          id: promiseAlerts.id,
          kind: promiseAlerts.kind,
          recipientId: promiseAlerts.recipientId,
          proposedMessageId: promiseAlerts.proposedMessageId,
          createdAt: promiseAlerts.createdAt,
          promise: promises,
        })
        .from(promiseAlerts)
        .innerJoin(promises, eq(promises.id, promiseAlerts.promiseId))
        .where(and(where, after))
        .orderBy(...order)
        .limit(take),
    {
      keys: { at: promiseAlerts.createdAt, id: promiseAlerts.id },
      cursor: input.cursor,
      limit: input.limit,
      atOf: (row) => row.createdAt,
    },
  );
}
