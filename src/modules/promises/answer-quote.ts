import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { eventSubject, loadPromise } from './promise-row.js';
import { promises, type PromiseRow } from './schema.js';
import { lapseOf } from './settle-due.js';
import { closePromise } from './transitions.js';

export type QuoteAnswer = 'accept' | 'renew';

/**
 * The quote a signed link points at. The link names the promise by id and the path by
 * reference; both are signed, and both must still agree with the row, or it is not found.
 */
export async function readQuote(ctx: WorkContext, id: string, reference: string, forUpdate = false) {
  const row = await loadPromise(ctx, id, { forUpdate }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'PROMISE_NOT_FOUND') return null;
    throw err;
  });
  if (!row || row.type !== 'quote' || row.reference !== reference) throw new AppError('PROMISE_NOT_FOUND');
  return row;
}

/** Whether the customer can no longer accept: expired, or open past its expiry (not swept yet). */
export const isLapsedOffer = (row: PromiseRow, now: Date) =>
  row.status === 'expired' || (row.status === 'open' && lapseOf(row, now) === 'expired');

/**
 * The customer's answer from the quote's page. Accepting an open quote while it is valid keeps
 * it (its owner is told by the promise.kept event, by: customer). Accepting one past its expiry
 * expires it instead and the page offers a renewal; asking for one is recorded once and told to
 * the owner. Answers that no longer apply (accepting twice) change nothing; the page shows the
 * quote as it is.
 */
export async function answerQuote(
  ctx: WorkContext,
  quote: { id: string; reference: string },
  answer: QuoteAnswer,
  now = new Date(),
): Promise<PromiseRow> {
  let row = await readQuote(ctx, quote.id, quote.reference, true);
  if (row.status === 'open') {
    const lapse = lapseOf(row, now);
    if (lapse) row = await closePromise(ctx, row, lapse, { by: 'system', userId: null }, now);
    else if (answer === 'accept')
      return closePromise(ctx, row, 'kept', { by: 'customer', userId: null }, now);
  }
  if (answer === 'renew') return requestRenewal(ctx, row, now);
  return row;
}

/**
 * The customer asks for an expired quote again (from its page, or by quoting its reference):
 * recorded once and told to its owner. Anything but an expired quote is returned as it is.
 */
export async function requestRenewal(ctx: WorkContext, row: PromiseRow, now = new Date()) {
  if (row.status !== 'expired' || row.renewalRequestedAt) return row;
  const [updated] = await ctx.tx
    .update(promises)
    .set({ renewalRequestedAt: now })
    .where(eq(promises.id, row.id))
    .returning();
  ctx.emit('promise.renewal_requested', {
    ...eventSubject(updated!),
    expiresAt: (updated!.expiresAt ?? now).toISOString(),
  });
  return updated!;
}
