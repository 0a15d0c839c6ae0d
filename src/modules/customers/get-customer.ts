import { eq } from 'drizzle-orm';
import { auditTrail } from '../workspaces/index.js';
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
  const history = await auditTrail(ctx, 'customer', id);
  return { ...customer, history };
}
