import { eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { dueOf, eventSubject, loadPromise } from './promise-row.js';
import { promises, type PromiseRow } from './schema.js';
import { closePromise } from './transitions.js';

export type Settled = 'expired' | 'broken' | 'reminded' | null;

/**
 * What time has done to one promise by `now`, applied under its row lock: an open offer past its
 * expiry is expired, an open promise past its breaking time is broken (whichever came first, when
 * both have passed while no worker ran), and an owner not yet reminded is reminded. Nothing else
 * (a customer's message, a status change of the conversation) touches a promise or its reminder.
 * Running it twice changes nothing the second time.
 */
export async function settleDue(ctx: WorkContext, id: string, now = new Date()): Promise<Settled> {
  const row = await loadPromise(ctx, id, { forUpdate: true });
  if (row.status !== 'open') return null;
  const lapse = lapseOf(row, now);
  if (lapse) {
    await closePromise(ctx, row, lapse, { by: 'system', userId: null }, now);
    return lapse;
  }
  if (row.remindAt && row.remindAt <= now) {
    await ctx.tx.update(promises).set({ remindAt: null, remindedAt: now }).where(eq(promises.id, row.id));
    ctx.emit('promise.reminder_due', { ...eventSubject(row), dueAt: dueOf(row).toISOString() });
    return 'reminded';
  }
  return null;
}

/** Whether an open promise has lapsed by `now`, and how. */
export function lapseOf(row: PromiseRow, now: Date): 'expired' | 'broken' | null {
  const expired = row.expiresAt !== null && row.expiresAt <= now;
  const broken = row.breaksAt <= now;
  if (expired && (!broken || row.expiresAt! <= row.breaksAt)) return 'expired';
  return broken ? 'broken' : null;
}
