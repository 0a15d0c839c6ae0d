import { and, eq, type SQL } from 'drizzle-orm';
import { paginate } from '../../platform/http/paginate.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { promises, type PromiseStatus, type PromiseType } from './schema.js';

export type ListPromisesInput = {
  status?: PromiseStatus;
  ownerId?: string;
  type?: PromiseType;
  conversationId?: string;
  limit: number;
  cursor?: string;
};

// Newest first, keyset-paginated on (created_at, id).
export async function listPromises(ctx: WorkContext, input: ListPromisesInput) {
  const where: SQL[] = [];
  if (input.status) where.push(eq(promises.status, input.status));
  if (input.ownerId) where.push(eq(promises.ownerId, input.ownerId));
  if (input.type) where.push(eq(promises.type, input.type));
  if (input.conversationId) where.push(eq(promises.conversationId, input.conversationId));
  return paginate(
    (after, order, take) =>
      ctx.tx
        .select()
        .from(promises)
        .where(and(...where, after))
        .orderBy(...order)
        .limit(take),
    {
      keys: { at: promises.createdAt, id: promises.id },
      cursor: input.cursor,
      limit: input.limit,
      atOf: (row) => row.createdAt,
    },
  );
}
