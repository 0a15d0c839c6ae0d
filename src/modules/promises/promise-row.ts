import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { quoteLink } from './quote-link.js';
import { displayReference, referenceDigits } from './reference.js';
import { promises, type PromiseRow } from './schema.js';

// Writes lock the row, so a member keeping a promise and the sweep breaking it apply one after
// the other and the second sees the first's result.
export async function loadPromise(ctx: WorkContext, id: string, options: { forUpdate?: boolean } = {}) {
  const query = ctx.tx.select().from(promises).where(eq(promises.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw new AppError('PROMISE_NOT_FOUND');
  return row;
}

/** The promise as the API shows it; `linkSecret` signs a quote's public link. */
export function presentPromise(row: PromiseRow, linkSecret: string) {
  return {
    id: row.id,
    reference: displayReference(row.reference),
    referenceDigits: referenceDigits(row.reference),
    conversationId: row.conversationId,
    type: row.type,
    ownerId: row.ownerId,
    status: row.status,
    terms: row.terms,
    dueAt: row.dueAt,
    window: row.windowFrom && row.windowTo ? { from: row.windowFrom, to: row.windowTo } : null,
    expiresAt: row.expiresAt,
    breaksAt: row.breaksAt,
    remindAt: row.remindAt,
    remindedAt: row.remindedAt,
    renewalRequestedAt: row.renewalRequestedAt,
    closedAt: row.closedAt,
    closedBy: row.closedBy,
    closedById: row.closedById,
    createdById: row.createdById,
    createdAt: row.createdAt,
    link: row.type === 'quote' ? quoteLink(linkSecret, row) : null,
    callback:
      row.type === 'callback' && row.callbackPhone
        ? { phone: row.callbackPhone, maxAttempts: row.maxAttempts ?? 1, attempts: row.attemptCount }
        : null,
  };
}

/** What every promise event names. */
export const eventSubject = (row: PromiseRow) => ({
  promiseId: row.id,
  reference: displayReference(row.reference),
  conversationId: row.conversationId,
  type: row.type,
  ownerId: row.ownerId,
});

/** The moment the owner works towards: the due time, or the start of the window. */
export const dueOf = (row: PromiseRow): Date => (row.dueAt ?? row.windowFrom)!;
