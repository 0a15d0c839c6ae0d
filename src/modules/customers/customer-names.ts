import { inArray } from 'drizzle-orm';
import { customers } from './schema.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';

/** Names of many customers in one query (a page of the inbox names each row's customer). */
export async function customerNames(ctx: WorkContext, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await ctx.tx
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(inArray(customers.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
