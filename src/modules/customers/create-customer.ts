import { customers, type IdentityType } from './schema.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { attachIdentities, normalizeAll } from './identities.js';
import { getCustomer } from './get-customer.js';

export type CreateCustomerInput = {
  name: string;
  identities?: { type: IdentityType; value: string }[];
  attributes?: Record<string, unknown>;
  lifetimeValueCents?: number;
  lifecycleStatus?: 'active' | 'lost';
  customerSince?: string;
};

export async function createCustomer(ctx: WorkContext, input: CreateCustomerInput) {
  const identities = normalizeAll(input.identities ?? [], 'identities');
  const [row] = await ctx.tx
    .insert(customers)
    .values({
      workspaceId: ctx.workspaceId,
      name: input.name,
      attributes: input.attributes ?? {},
      lifetimeValueCents: input.lifetimeValueCents ?? 0,
      lifecycleStatus: input.lifecycleStatus ?? 'active',
      lostAt: input.lifecycleStatus === 'lost' ? new Date() : null,
      ...(input.customerSince ? { customerSince: new Date(input.customerSince) } : {}),
    })
    .returning({ id: customers.id });
  await attachIdentities(ctx, row!.id, identities, 'identities');
  ctx.emit('customer.created', { customerId: row!.id });
  return getCustomer(ctx, row!.id);
}
