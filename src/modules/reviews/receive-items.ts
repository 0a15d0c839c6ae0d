import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { AppError } from '../../platform/errors.js';
import { inWorkspace, type ScopeDeps } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { countResults } from './get-delivery.js';
import { checkItem } from './item-contract.js';
import { reviewDeliveries, type DeliveryVia, type ItemResult } from './schema.js';
import { loadSource, type SourceRow } from './source-row.js';
import { upsertItem } from './upsert-item.js';

export const maxItemsPerDelivery = 1_000;

export type ReceiveDeps = ScopeDeps & { logger: Pick<Logger, 'error'> };
/** An entry of a delivery: the item as sent, with the CSV line it came from when it did. */
export type Entry = { item: unknown; line?: number };
export type Received = {
  deliveryId: string;
  backfill: boolean;
  results: ItemResult[];
  counts: Record<ItemResult['result'], number>;
};

/**
 * Raw first: the delivery is committed as it came before any of it is read, so an item this
 * code refuses (or a crash) can still be read and replayed. Then each item is checked and kept in
 * a transaction of its own: a bad item is recorded as rejected, with the reason, and costs the
 * others nothing; an item is never half kept.
 */
export async function storeDelivery(
  deps: ScopeDeps,
  source: Pick<SourceRow, 'id' | 'workspaceId'>,
  raw: string,
  via: DeliveryVia,
) {
  return inWorkspace(deps, systemScope(source.workspaceId), async (ctx) => {
    const [row] = await ctx.tx
      .insert(reviewDeliveries)
      .values({ workspaceId: source.workspaceId, sourceId: source.id, via, raw })
      .returning({ id: reviewDeliveries.id });
    // A posted delivery is read later, by a job: the event that starts it commits with the raw,
    // so a crash after the answer still reads it. A poll and an import read theirs at once.
    if (via === 'webhook')
      ctx.emit('reviews.delivery_received', { deliveryId: row!.id, sourceId: source.id });
    return row!.id;
  });
}

/** A delivery refused whole (not JSON, not a batch): marked read, with the reason, nothing kept. */
export async function refuseDelivery(
  deps: ScopeDeps,
  source: Pick<SourceRow, 'workspaceId'>,
  deliveryId: string,
  error: string,
) {
  await inWorkspace(deps, systemScope(source.workspaceId), (ctx) =>
    ctx.tx
      .update(reviewDeliveries)
      .set({ results: [], error: error.slice(0, 2_000) })
      .where(eq(reviewDeliveries.id, deliveryId)),
  );
}

/** A posted body: `{items, backfill?}` or a bare array of items. Throws a 400 naming what is wrong. */
export function readEnvelope(raw: string): { entries: Entry[]; backfill: boolean } {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new AppError('VALIDATION_FAILED', { message: 'The body is not JSON' });
  }
  const envelope = Array.isArray(body) ? { items: body } : (body as { items?: unknown; backfill?: unknown });
  if (!envelope || typeof envelope !== 'object' || !Array.isArray(envelope.items)) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'Send {items: [...], backfill?: boolean} or an array of items',
      invalidParams: [{ name: 'items', reason: 'must be an array' }],
    });
  }
  if ('backfill' in envelope && envelope.backfill !== undefined && typeof envelope.backfill !== 'boolean') {
    throw new AppError('VALIDATION_FAILED', {
      invalidParams: [{ name: 'backfill', reason: 'must be true or false' }],
    });
  }
  if (envelope.items.length > maxItemsPerDelivery) {
    throw new AppError('VALIDATION_FAILED', {
      invalidParams: [{ name: 'items', reason: `at most ${maxItemsPerDelivery} items per delivery` }],
    });
  }
  return {
    entries: envelope.items.map((item) => ({ item })),
    backfill: 'backfill' in envelope && envelope.backfill === true,
  };
}

export async function processDelivery(
  deps: ReceiveDeps,
  sourceRef: Pick<SourceRow, 'id' | 'workspaceId'>,
  deliveryId: string,
  entries: Entry[],
  backfill: boolean,
): Promise<Received> {
  const scope = systemScope(sourceRef.workspaceId);
  const source = await inWorkspace(deps, scope, (ctx) => loadSource(ctx, sourceRef.id));
  const results: ItemResult[] = [];
  for (const [index, entry] of entries.entries()) {
    const at = { index, ...(entry.line !== undefined ? { line: entry.line } : {}) };
    const checked = checkItem(entry.item);
    const externalId = externalIdOf(entry.item);
    if ('reason' in checked) {
      results.push({ ...at, ...externalId, result: 'rejected', reason: checked.reason });
      continue;
    }
    if (checked.item.source !== source.source) {
      results.push({
        ...at,
        ...externalId,
        result: 'rejected',
        reason: `source: this channel receives "${source.source}" items`,
      });
      continue;
    }
    try {
      const outcome = await inWorkspace(deps, scope, (ctx) =>
        upsertItem(ctx, source, checked.item, { backfill, deliveryId }),
      );
      results.push({ ...at, ...externalId, ...outcome });
    } catch (err) {
      // Rolled back whole: nothing of the item is kept but the raw delivery, which can be replayed.
      deps.logger.error({ err, deliveryId, index }, 'a review item could not be kept');
      const reason = err instanceof AppError ? err.message : 'could not be stored; kept raw for a retry';
      results.push({ ...at, ...externalId, result: 'rejected', reason });
    }
  }
  await inWorkspace(deps, scope, (ctx) =>
    ctx.tx.update(reviewDeliveries).set({ results, backfill }).where(eq(reviewDeliveries.id, deliveryId)),
  );
  return { deliveryId, backfill, results, counts: countResults(results) };
}

function externalIdOf(item: unknown): { externalId?: string } {
  const id = (item as { externalId?: unknown } | null)?.externalId;
  return typeof id === 'string' && id.length <= 300 ? { externalId: id } : {};
}
