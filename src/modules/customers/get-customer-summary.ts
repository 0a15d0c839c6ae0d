import { eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { customerIdentities, customers } from './schema.js';

/** Who the customer is, for showing beside one of their conversations: name and identities. */
export async function getCustomerSummary(ctx: WorkContext, id: string) {
  const [customer] = await ctx.tx
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(eq(customers.id, id));
  const identities = await ctx.tx
    .select({ type: customerIdentities.type, displayValue: customerIdentities.displayValue })
    .from(customerIdentities)
    .where(eq(customerIdentities.customerId, id));
  return customer ? { ...customer, identities } : null;
}
