import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadPromise } from './promise-row.js';
import { closePromise } from './transitions.js';

/** A member records that the promise was kept. */
export async function keepPromise(ctx: WorkContext, id: string) {
  const row = await loadPromise(ctx, id, { forUpdate: true });
  return closePromise(ctx, row, 'kept', { by: 'member', userId: ctx.actor.userId });
}
