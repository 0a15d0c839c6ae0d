import { eq, sql } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { workspaces } from './schema.js';

// The per-workspace number customers quote ("#1042"). The row lock held until the caller's
// transaction ends makes the sequence gap-free, which a database sequence would not be.
export async function takeConversationNumber(ctx: WorkContext): Promise<number> {
  const [ws] = await ctx.tx
    .update(workspaces)
    .set({ nextConversationNumber: sql`${workspaces.nextConversationNumber} + 1` })
    .where(eq(workspaces.id, ctx.workspaceId))
    .returning({ number: sql<number>`${workspaces.nextConversationNumber} - 1` });
  return Number(ws!.number);
}
