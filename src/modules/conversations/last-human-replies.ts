import { inArray } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { conversations } from './schema.js';

/** When a member last answered each conversation where the customer sees it (null: never). */
export async function lastHumanReplies(
  ctx: WorkContext,
  ids: readonly string[],
): Promise<Map<string, Date | null>> {
  if (!ids.length) return new Map();
  const rows = await ctx.tx
    .select({ id: conversations.id, at: conversations.lastHumanReplyAt })
    .from(conversations)
    .where(inArray(conversations.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.at]));
}
