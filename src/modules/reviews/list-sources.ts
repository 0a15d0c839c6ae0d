import { asc, eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { reviewSources } from './schema.js';
import { loadSource, presentSource } from './source-row.js';

export async function listSources(ctx: WorkContext) {
  const rows = await ctx.tx.select().from(reviewSources).orderBy(asc(reviewSources.name));
  return { data: rows.map(presentSource) };
}

export async function getSource(ctx: WorkContext, id: string) {
  return presentSource(await loadSource(ctx, id));
}

// The source stops receiving; its items, their cases and the raw deliveries stay.
export async function deleteSource(ctx: WorkContext, id: string) {
  await loadSource(ctx, id);
  await ctx.tx.delete(reviewSources).where(eq(reviewSources.id, id));
}
