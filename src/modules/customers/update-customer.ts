import { and, eq, inArray } from 'drizzle-orm';
import { customerIdentities, customers, type IdentityType } from './schema.js';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { getCustomer, findCustomerRow } from './get-customer.js';
import { attachIdentities, normalizeAll } from './identities.js';

export type UpdateCustomerInput = {
  name?: string;
  attributes?: Record<string, unknown>;
  lifetimeValueCents?: number;
  lifecycleStatus?: 'active' | 'lost';
  addIdentities?: { type: IdentityType; value: string }[];
  removeIdentityIds?: string[];
};

export async function updateCustomer(ctx: WorkContext, id: string, input: UpdateCustomerInput) {
  const current = await findCustomerRow(ctx, id);
  if (current.mergedIntoId) {
    throw new AppError('CUSTOMER_MERGED', {
      message: `This profile was merged into ${current.mergedIntoId}; update that one`,
    });
  }
  const statusChange =
    input.lifecycleStatus && input.lifecycleStatus !== current.lifecycleStatus
      ? {
          lifecycleStatus: input.lifecycleStatus,
          lostAt: input.lifecycleStatus === 'lost' ? new Date() : null,
        }
      : {};
  await ctx.tx
    .update(customers)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      // Attributes merge key by key; a null value removes the key.
      ...(input.attributes
        ? { attributes: withoutNulls({ ...current.attributes, ...input.attributes }) }
        : {}),
      ...(input.lifetimeValueCents !== undefined ? { lifetimeValueCents: input.lifetimeValueCents } : {}),
      ...statusChange,
      updatedAt: new Date(),
    })
    .where(eq(customers.id, id));
  if (input.removeIdentityIds?.length) {
    await ctx.tx
      .delete(customerIdentities)
      .where(
        and(eq(customerIdentities.customerId, id), inArray(customerIdentities.id, input.removeIdentityIds)),
      );
  }
  if (input.addIdentities?.length) {
    await attachIdentities(ctx, id, normalizeAll(input.addIdentities, 'addIdentities'), 'addIdentities');
  }
  ctx.emit('customer.updated', {
    customerId: id,
    lifecycleStatus: input.lifecycleStatus ?? current.lifecycleStatus,
  });
  return getCustomer(ctx, id);
}

const withoutNulls = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null));
