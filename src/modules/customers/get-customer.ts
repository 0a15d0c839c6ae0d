import { eq, sql } from 'drizzle-orm';
import { auditTrail } from '../workspaces/index.js';
import { conversations } from '../conversations/schema.js';
import { customers } from './schema.js';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { identitiesOf } from './identities.js';

export async function findCustomerRow(ctx: WorkContext, id: string) {
  const [row] = await ctx.tx.select().from(customers).where(eq(customers.id, id));
  if (!row) throw new AppError('CUSTOMER_NOT_FOUND');
  return row;
}

export async function getCustomer(ctx: WorkContext, id: string) {
  const row = await findCustomerRow(ctx, id);
  const identities = await identitiesOf(ctx, [id]);
  return { ...row, identities };
}

// The profile with its history: merges into and out of it, and how many conversations it has.
export async function getCustomerDetail(ctx: WorkContext, id: string) {
  const customer = await getCustomer(ctx, id);
  const [count] = await ctx.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(eq(conversations.customerId, id));
  const history = await auditTrail(ctx, 'customer', id);
  return { ...customer, conversationCount: count?.n ?? 0, history };
}
