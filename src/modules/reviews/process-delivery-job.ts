import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { defineJob, type JobContext } from '../../platform/jobs/index.js';
import { defineListener } from '../../platform/events/define-listener.js';
import { deliveryId as eventJobId } from '../../platform/events/delivery-id.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { processDelivery, readEnvelope, refuseDelivery, type ReceiveDeps } from './receive-items.js';
import { reviewDeliveries } from './schema.js';

const retryLimit = 3;

/*
 * Reads one stored delivery, from its raw, and keeps its items. A delivery already read is left
 * alone, so a second run (a redelivered event, a retry, the sweep) changes nothing; one whose
 * body is not a batch is marked refused with the reason. Items are upserted, so a run cut short
 * and run again gives the same items.
 */
export async function processStoredDelivery(
  deps: ReceiveDeps,
  target: { workspaceId: string; deliveryId: string },
) {
  const [stored] = await inWorkspace(deps, systemScope(target.workspaceId), (ctx) =>
    ctx.tx
      .select({
        raw: reviewDeliveries.raw,
        sourceId: reviewDeliveries.sourceId,
        results: reviewDeliveries.results,
      })
      .from(reviewDeliveries)
      .where(eq(reviewDeliveries.id, target.deliveryId)),
  );
  if (!stored || stored.results || !stored.sourceId) return null;
  const source = { id: stored.sourceId, workspaceId: target.workspaceId };
  let envelope: ReturnType<typeof readEnvelope>;
  try {
    envelope = readEnvelope(stored.raw);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await refuseDelivery(deps, source, target.deliveryId, err.message);
    return null;
  }
  return processDelivery(deps, source, target.deliveryId, envelope.entries, envelope.backfill);
}

export const processDeliveryJob = defineJob({
  name: 'reviews.process-delivery',
  schema: z.object({ workspaceId: z.uuid(), deliveryId: z.uuid() }),
  handler: async (payload, ctx: JobContext<ReceiveDeps>) => {
    const received = await processStoredDelivery(ctx, payload);
    if (received) ctx.logger.debug({ ...payload, counts: received.counts }, 'review delivery read');
  },
  options: { retryLimit, retryDelaySeconds: 5, expireInSeconds: 600 },
});

const name = 'reviews.process-on-receipt';

// The stored delivery's event starts its job; the job id comes from the event, so a second
// delivery of the event sends nothing.
export const processOnReceiptListener = defineListener({
  name,
  on: ['reviews.delivery_received'],
  async handle(event, { jobs }) {
    await jobs.send(
      processDeliveryJob,
      { workspaceId: event.workspaceId, deliveryId: event.data.deliveryId },
      { id: eventJobId(event, name) },
    );
  },
});

// A delivery still unread a minute after it came (its job gave up, or never ran) is read again
// from its raw each minute for a day; after that it waits for a person, kept raw.
const graceMs = 60_000;
const retryForMs = 24 * 3_600_000;
const batchSize = 100;

export async function retryUnreadDeliveries(deps: ReceiveDeps, now = new Date()) {
  // Across every workspace, as the database owner, by the unread index; each delivery is then
  // read inside its own workspace.
  const unread = await deps.db
    .select({ id: reviewDeliveries.id, workspaceId: reviewDeliveries.workspaceId })
    .from(reviewDeliveries)
    .where(
      and(
        isNull(reviewDeliveries.results),
        lte(reviewDeliveries.receivedAt, new Date(now.getTime() - graceMs)),
        gte(reviewDeliveries.receivedAt, new Date(now.getTime() - retryForMs)),
      ),
    )
    .orderBy(asc(reviewDeliveries.receivedAt))
    .limit(batchSize);
  let read = 0;
  for (const delivery of unread) {
    const done = await processStoredDelivery(deps, {
      workspaceId: delivery.workspaceId,
      deliveryId: delivery.id,
    }).catch((err: unknown) => {
      deps.logger.error({ err, deliveryId: delivery.id }, 'a review delivery could not be read again');
      return null;
    });
    if (done) read++;
  }
  return { found: unread.length, read };
}

export const retryDeliveriesJob = defineJob({
  name: 'reviews.retry-deliveries',
  schema: z.object({}),
  handler: async (_payload, ctx: JobContext<ReceiveDeps>) => {
    const result = await retryUnreadDeliveries(ctx);
    if (result.found) ctx.logger.info(result, 'review deliveries read again');
  },
  // Every minute; one sweep at a time, and a failed one is not retried: the next minute's covers it.
  options: { schedule: '* * * * *', policy: 'short', retryLimit: 0, expireInSeconds: 120 },
});
