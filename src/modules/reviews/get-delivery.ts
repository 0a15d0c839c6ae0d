import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { reviewDeliveries, type ItemResult } from './schema.js';
import { loadSource } from './source-row.js';

/** A delivery of a source as it stands: read yet or not, and each item's outcome once it is. */
export async function getDelivery(ctx: WorkContext, sourceId: string, deliveryId: string) {
  await loadSource(ctx, sourceId);
  const [row] = await ctx.tx
    .select()
    .from(reviewDeliveries)
    .where(and(eq(reviewDeliveries.id, deliveryId), eq(reviewDeliveries.sourceId, sourceId)));
  if (!row) throw new AppError('REVIEW_DELIVERY_NOT_FOUND');
  return {
    deliveryId: row.id,
    via: row.via,
    receivedAt: row.receivedAt,
    state: row.results === null ? 'pending' : row.error ? 'refused' : 'processed',
    error: row.error,
    backfill: row.backfill,
    counts: row.results && !row.error ? countResults(row.results) : null,
    results: row.results,
  } as const;
}

export function countResults(results: readonly ItemResult[]) {
  const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const r of results) counts[r.result]++;
  return counts;
}
