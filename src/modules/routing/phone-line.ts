import { eq, sql } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { ensureAgents, lockAgents } from './agents.js';
import { routingAgents } from './schema.js';

/*
 * A call takes the agent's whole phone capacity while it lasts: routing offers them no phone
 * conversation until the call ends (or a transfer hands it to someone else). The phone channel
 * says who holds the line now; `release` is who held it before. Freeing a line is announced, so
 * the agent's teams are routed again at once.
 */
export async function occupyPhoneLine(
  ctx: WorkContext,
  change: { release: string | null; take: string | null },
) {
  const ids = [change.release, change.take].filter((id): id is string => Boolean(id));
  if (!ids.length || change.release === change.take) return;
  await ensureAgents(ctx, ids);
  await lockAgents(ctx, ids, { existing: true });
  for (const [userId, delta] of [
    [change.release, -1],
    [change.take, 1],
  ] as const) {
    if (!userId) continue;
    const [row] = await ctx.tx
      .update(routingAgents)
      .set({ calls: sql`greatest(${routingAgents.calls} + ${delta}, 0)` })
      .where(eq(routingAgents.userId, userId))
      .returning({ calls: routingAgents.calls });
    ctx.emit('routing.phone_line_changed', { userId, calls: row?.calls ?? 0 });
  }
}
