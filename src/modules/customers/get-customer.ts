import { and, desc, eq, sql } from 'drizzle-orm';
import { auditLog, conversations, customers } from '../../db/schema.js';
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
  const history = await ctx.tx
    .select({
      action: auditLog.action,
      at: auditLog.createdAt,
      actorType: auditLog.actorType,
      actorId: auditLog.actorId,
      data: auditLog.data,
    })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'customer'), eq(auditLog.subjectId, id)))
    .orderBy(desc(auditLog.createdAt));
  return { ...customer, conversationCount: count?.n ?? 0, history };
}
