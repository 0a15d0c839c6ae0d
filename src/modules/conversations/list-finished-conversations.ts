import { and, asc, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { conversations, finishedStatuses } from './schema.js';

export type FinishedConversation = { workspaceId: string; conversationId: string; finishedAt: Date };

const finishedAt = sql<Date>`coalesce(${conversations.resolvedAt}, ${conversations.lastActivityAt})`;

/**
 * Resolved or closed conversations of every workspace that finished inside the window, oldest
 * first, a page at a time (pass the last one as `after`). For background work that runs as the
 * system, outside any workspace's scope.
 */
export async function listFinishedConversations(
  db: Db,
  window: { from: Date; to: Date; after?: FinishedConversation; limit: number },
): Promise<FinishedConversation[]> {
  const { after } = window;
  const rows = await db
    .select({ workspaceId: conversations.workspaceId, conversationId: conversations.id, finishedAt })
    .from(conversations)
    .where(
      and(
        inArray(conversations.status, finishedStatuses),
        gt(finishedAt, window.from),
        lt(finishedAt, window.to),
        after
          ? or(
              gt(finishedAt, after.finishedAt),
              and(sql`${finishedAt} = ${after.finishedAt}`, gt(conversations.id, after.conversationId)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(finishedAt), asc(conversations.id))
    .limit(window.limit);
  return rows.map((r) => ({ ...r, finishedAt: new Date(r.finishedAt) }));
}
