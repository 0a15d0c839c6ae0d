import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadPromise } from './promise-row.js';
import { closePromise } from './transitions.js';

/** A member withdraws an open promise (made in error, or agreed with the customer). */
export async function cancelPromise(ctx: WorkContext, id: string) {
  const row = await loadPromise(ctx, id, { forUpdate: true });
  return closePromise(ctx, row, 'cancelled', { by: 'member', userId: ctx.actor.userId });
}
