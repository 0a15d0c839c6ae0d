import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { dueOf, eventSubject } from './promise-row.js';
import { promises, type PromiseRow, type PromiseStatus } from './schema.js';

// The state machine: a promise is open until it is kept, cancelled, broken (still open at its
// due time plus the grace) or expired (an offer past its expiry); every other state is final.
const next: Record<PromiseStatus, readonly PromiseStatus[]> = {
  open: ['kept', 'cancelled', 'broken', 'expired'],
  kept: [],
  cancelled: [],
  broken: [],
  expired: [],
};

export const canBecome = (from: PromiseStatus, to: PromiseStatus) => next[from].includes(to);

export type Closer = { by: 'member' | 'customer' | 'system'; userId: string | null };

/**
 * Moves a promise (loaded for update) out of `open` and emits the matching event. Anything but
 * an open promise answers 409 naming the state it is in.
 */
export async function closePromise(
  ctx: WorkContext,
  row: PromiseRow,
  to: Exclude<PromiseStatus, 'open'>,
  closer: Closer,
  now = new Date(),
): Promise<PromiseRow> {
  if (!canBecome(row.status, to)) {
    throw new AppError('PROMISE_NOT_OPEN', {
      message: `This promise is ${row.status}; only an open promise can become ${to}`,
    });
  }
  const [closed] = await ctx.tx
    .update(promises)
    .set({ status: to, closedAt: now, closedBy: closer.by, closedById: closer.userId, remindAt: null })
    .where(and(eq(promises.id, row.id), eq(promises.status, 'open')))
    .returning();
  if (!closed) throw new AppError('PROMISE_NOT_OPEN');
  const subject = eventSubject(closed);
  switch (to) {
    case 'kept':
      ctx.emit('promise.kept', { ...subject, by: closer.by, byUserId: closer.userId });
      break;
    case 'cancelled':
      ctx.emit('promise.cancelled', { ...subject, byUserId: closer.userId });
      break;
    case 'broken':
      ctx.emit('promise.broken', {
        ...subject,
        dueAt: dueOf(closed).toISOString(),
        breaksAt: closed.breaksAt.toISOString(),
      });
      break;
    case 'expired':
      ctx.emit('promise.expired', { ...subject, expiresAt: (closed.expiresAt ?? now).toISOString() });
      break;
  }
  return closed;
}
