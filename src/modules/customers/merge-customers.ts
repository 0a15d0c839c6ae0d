import { eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../workspaces/index.js';
import { customerIdentities, customers } from './schema.js';
import { AppError } from '../../platform/errors.js';
import { maxMoneyCents } from '../../platform/http/input-schemas.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { findCustomerRow, getCustomerDetail } from './get-customer.js';

// Folds a duplicate profile into the one that stays: identities, conversations and history
// move; the duplicate is kept, marked as merged, so links to it still resolve. The conversations
// module moves the conversations in this transaction, in answer to customer.merged.
export async function mergeCustomers(ctx: WorkContext, targetId: string, sourceId: string) {
  if (targetId === sourceId) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'A customer cannot be merged into itself',
      invalidParams: [{ name: 'sourceId', reason: 'same as the target' }],
    });
  }
  // Both rows stay locked to the end: a conversation opened meanwhile counts before or after the
  // merge, never in between, and two merges of one duplicate cannot both proceed.
  await ctx.tx
    .select({ id: customers.id })
    .from(customers)
    .where(inArray(customers.id, [targetId, sourceId]))
    .orderBy(customers.id)
    .for('update');
  const target = await findCustomerRow(ctx, targetId);
  const source = await findCustomerRow(ctx, sourceId);
  for (const c of [target, source]) {
    if (c.mergedIntoId)
      throw new AppError('CUSTOMER_MERGED', {
        message: `Customer ${c.id} was already merged into ${c.mergedIntoId}`,
      });
  }
  // Checked before anything moves: a sum past the cap would be stored, and then every page that
  // lists this customer would fail to answer.
  const lifetimeValueCents = target.lifetimeValueCents + source.lifetimeValueCents;
  if (lifetimeValueCents > maxMoneyCents) {
    throw new AppError('LIFETIME_VALUE_TOO_LARGE', {
      message: `Together the two lifetime values exceed ${maxMoneyCents} cents; lower one before merging`,
    });
  }
  const movedIdentities = await ctx.tx
    .update(customerIdentities)
    .set({ customerId: targetId })
    .where(eq(customerIdentities.customerId, sourceId))
    .returning({ type: customerIdentities.type, value: customerIdentities.value });
  await ctx.tx
    .update(customers)
    .set({
      attributes: { ...source.attributes, ...target.attributes },
      lifetimeValueCents,
      conversationCount: target.conversationCount + source.conversationCount,
      customerSince:
        source.customerSince < target.customerSince ? source.customerSince : target.customerSince,
      updatedAt: new Date(),
    })
    .where(eq(customers.id, targetId));
  await ctx.tx
    .update(customers)
    .set({ mergedIntoId: targetId, conversationCount: 0, updatedAt: new Date() })
    .where(eq(customers.id, sourceId));

  const data = {
    sourceId,
    sourceName: source.name,
    targetId,
    targetName: target.name,
    identities: movedIdentities.map((i) => `${i.type}:${i.value}`),
    conversationCount: source.conversationCount,
  };
  await recordAudit(ctx, [
    { action: 'customer.merged_in', subjectType: 'customer', subjectId: targetId, data },
    { action: 'customer.merged_away', subjectType: 'customer', subjectId: sourceId, data },
  ]);
  ctx.emit('customer.merged', data);
  return getCustomerDetail(ctx, targetId);
}
