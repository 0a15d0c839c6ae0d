import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { customerIdentities, customers } from './schema.js';
import { paginate } from '../../platform/http/paginate.js';
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
  const page = await paginate(
    (after, order, take) =>
      ctx.tx
        .select()
        .from(customers)
        .where(and(...where, after))
        .orderBy(...order)
        .limit(take),
    {
      keys: { at: customers.createdAt, id: customers.id },
      cursor: input.cursor,
      limit: input.limit,
      atOf: (row) => row.createdAt,
    },
  );
  const identities = await identitiesOf(
    ctx,
    page.data.map((r) => r.id),
  );
  return {
    ...page,
    data: page.data.map((r) => ({ ...r, identities: identities.filter((i) => i.customerId === r.id) })),
  };
}
