import { and, inArray, isNull, ne, sql } from 'drizzle-orm';
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

/**
 * Other live profiles going by the same name, case and spacing aside: what a channel offers as a
 * possible merge when it had to create a profile, for a person to confirm.
 */
export async function customersNamed(ctx: WorkContext, name: string, exceptId: string) {
  const key = name.trim().replace(/\s+/g, ' ').toLowerCase();
  if (!key) return [];
  return ctx.tx
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(
      and(
        sql`lower(regexp_replace(trim(${customers.name}), '[[:space:]]+', ' ', 'g')) = ${key}`,
        ne(customers.id, exceptId),
        isNull(customers.mergedIntoId),
      ),
    )
    .limit(5);
}
