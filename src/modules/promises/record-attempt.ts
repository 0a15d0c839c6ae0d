import { asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { eventSubject, loadPromise } from './promise-row.js';
import { promiseAttempts, promises, type AttemptOutcome } from './schema.js';
import { closePromise } from './transitions.js';

/*
 * A member records a try at a callback. Reaching the customer keeps the promise; the last allowed
 * try that does not reach them breaks it, as the window passing does (see settleDue). Each try is
 * kept, reached or not.
 */
export async function recordAttempt(
  ctx: WorkContext,
  promiseId: string,
  input: { outcome: AttemptOutcome; note?: string },
) {
  const row = await loadPromise(ctx, promiseId, { forUpdate: true });
  if (row.type !== 'callback') {
    throw new AppError('VALIDATION_FAILED', { message: 'Only a callback has call attempts' });
  }
  if (row.status !== 'open') {
    throw new AppError('PROMISE_NOT_OPEN', { message: `This callback is ${row.status}` });
  }
  await ctx.tx.insert(promiseAttempts).values({
    workspaceId: ctx.workspaceId,
    promiseId,
    outcome: input.outcome,
    note: input.note ?? null,
    byId: ctx.actor.userId,
  });
  const [counted] = await ctx.tx
    .update(promises)
    .set({ attemptCount: sql`${promises.attemptCount} + 1` })
    .where(eq(promises.id, promiseId))
    .returning();
  ctx.emit('promise.callback_attempted', {
    ...eventSubject(counted!),
    outcome: input.outcome,
    attempt: counted!.attemptCount,
  });
  if (input.outcome === 'reached') {
    return closePromise(ctx, counted!, 'kept', { by: 'member', userId: ctx.actor.userId });
  }
  if (counted!.attemptCount >= (counted!.maxAttempts ?? 1)) {
    return closePromise(ctx, counted!, 'broken', { by: 'system', userId: null });
  }
  return counted!;
}

/** The tries at a callback, oldest first. */
export async function listAttempts(ctx: WorkContext, promiseId: string) {
  await loadPromise(ctx, promiseId);
  return ctx.tx
    .select({
      id: promiseAttempts.id,
      outcome: promiseAttempts.outcome,
      note: promiseAttempts.note,
      byId: promiseAttempts.byId,
      createdAt: promiseAttempts.createdAt,
    })
    .from(promiseAttempts)
    .where(eq(promiseAttempts.promiseId, promiseId))
    .orderBy(asc(promiseAttempts.createdAt), asc(promiseAttempts.id));
}
