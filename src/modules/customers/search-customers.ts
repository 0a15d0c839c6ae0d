import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { customerIdentities, customers } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { identitiesOf } from './identities.js';
import { candidateKeys } from './normalize-identity.js';

export type SearchCustomersInput = {
  identity?: string;
  q?: string;
  status?: 'active' | 'lost';
  limit: number;
  cursor?: string;
};

// Finds customers by any identity (email, phone in any format, account number, handle) or by
// name, newest first. Merged-away profiles are left out: their identities moved on.
export async function searchCustomers(ctx: WorkContext, input: SearchCustomersInput) {
  const where: SQL[] = [isNull(customers.mergedIntoId)];
  if (input.identity) {
    const keys = candidateKeys(input.identity);
    if (!keys.length) return { data: [], nextCursor: null };
    where.push(
      inArray(
        customers.id,
        ctx.tx
          .select({ id: customerIdentities.customerId })
          .from(customerIdentities)
          .where(inArray(customerIdentities.value, keys)),
      ),
    );
  }
  if (input.q) {
    const q = input.q.toLowerCase();
    where.push(
      or(
        sql`${customers.searchVector} @@ websearch_to_tsquery('simple', ${q})`,
        sql`lower(${customers.name}) LIKE ${'%' + q.replace(/[%_\\]/g, (ch) => '\\' + ch) + '%'}`,
      )!,
    );
  }
  if (input.status) where.push(eq(customers.lifecycleStatus, input.status));
  const cursor = decodeCursor(input.cursor);
  if (cursor) {
    const at = new Date(cursor.at);
    where.push(
      or(lt(customers.createdAt, at), and(eq(customers.createdAt, at), lt(customers.id, cursor.id)))!,
    );
  }
  const rows = await ctx.tx
    .select()
    .from(customers)
    .where(and(...where))
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const identities = await identitiesOf(
    ctx,
    page.map((r) => r.id),
  );
  const last = page.at(-1);
  return {
    data: page.map((r) => ({ ...r, identities: identities.filter((i) => i.customerId === r.id) })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
