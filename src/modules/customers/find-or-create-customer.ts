import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { createCustomer } from './create-customer.js';
import { findCustomerRow } from './get-customer.js';
import { normalizeIdentity, type NormalizedIdentity } from './normalize-identity.js';
import { customerIdentities, type IdentityType } from './schema.js';

type IdentityInput = { type: IdentityType; value: string };

function normalized(identity: IdentityInput): NormalizedIdentity {
  const n = normalizeIdentity(identity.type, identity.value);
  if ('error' in n) throw new AppError('VALIDATION_FAILED', { message: `${identity.type} ${n.error}` });
  return n;
}

/** The customer holding an identity (the profile it was merged into, if it was), or null. */
export async function findCustomerByIdentity(ctx: WorkContext, identity: IdentityInput) {
  const n = normalized(identity);
  const [held] = await ctx.tx
    .select({ customerId: customerIdentities.customerId })
    .from(customerIdentities)
    .where(and(eq(customerIdentities.type, n.type), eq(customerIdentities.value, n.value)));
  if (!held) return null;
  const row = await findCustomerRow(ctx, held.customerId);
  return row.mergedIntoId ?? row.id;
}

/**
 * The customer a channel hears from, by the identity it knows them by (an email's sender), or a
 * new profile named `name` holding that identity when nobody holds it yet.
 */
export async function findOrCreateCustomer(
  ctx: WorkContext,
  identity: IdentityInput,
  name: string,
): Promise<{ customerId: string; created: boolean }> {
  const existing = await findCustomerByIdentity(ctx, identity);
  if (existing) return { customerId: existing, created: false };
  const n = normalized(identity);
  const created = await createCustomer(ctx, {
    name: name.trim() || n.displayValue,
    identities: [{ type: n.type, value: n.value }],
  });
  return { customerId: created.id, created: true };
}
