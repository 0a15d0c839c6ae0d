import { and, asc, eq, inArray } from 'drizzle-orm';
import { paginate } from '../../platform/http/paginate.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { customerNames } from '../customers/index.js';
import { reviewItems, reviewItemVersions } from './schema.js';
import { loadSource } from './source-row.js';
import type { ItemRow } from './review-channel-data.js';

/**
 * A source's items, newest first, each with what a person checking the connector asks: every
 * version it was seen in, the case it opened, who it was matched to and why, and the merges
 * worth a look.
 */
export async function listItems(
  ctx: WorkContext,
  sourceId: string,
  query: { limit: number; cursor?: string },
) {
  await loadSource(ctx, sourceId);
  const page = await paginate<ItemRow>(
    (after, order, take) =>
      ctx.tx
        .select()
        .from(reviewItems)
        .where(and(eq(reviewItems.sourceId, sourceId), after))
        .orderBy(...order)
        .limit(take),
    {
      keys: { at: reviewItems.firstSeenAt, id: reviewItems.id },
      cursor: query.cursor,
      limit: query.limit,
      atOf: (row) => row.firstSeenAt,
    },
  );
  const ids = page.data.map((r) => r.id);
  const versions = ids.length
    ? await ctx.tx
        .select()
        .from(reviewItemVersions)
        .where(inArray(reviewItemVersions.itemId, ids))
        .orderBy(asc(reviewItemVersions.version))
    : [];
  const names = await customerNames(
    ctx,
    page.data.flatMap((r) => [r.customerId, ...r.suggestedMerges.map((m) => m.customerId)].filter(isId)),
  );
  return {
    nextCursor: page.nextCursor,
    data: page.data.map((row) => ({
      id: row.id,
      source: row.source,
      externalId: row.externalId,
      author: {
        handle: row.authorHandle,
        name: row.authorName,
        url: row.authorUrl,
        email: row.authorEmail,
        followers: row.followers,
      },
      rating: row.rating,
      ratingScale: row.ratingScale,
      rating5: row.rating5,
      text: row.text,
      url: row.url,
      postedAt: row.postedAt,
      editedAt: row.editedAt,
      reach: row.reach,
      sentiment: row.sentiment,
      version: row.version,
      backfill: row.backfill,
      case: row.conversationId
        ? {
            conversationId: row.conversationId,
            reason: row.caseReason,
            openedAt: row.caseOpenedAt,
            followUpPromiseId: row.followUpPromiseId,
          }
        : null,
      recovered: row.recoveredAt
        ? { at: row.recoveredAt, from: row.recoveredFrom, to: row.recoveredTo }
        : null,
      customer:
        row.customerId && row.match
          ? {
              id: row.customerId,
              name: names.get(row.customerId) ?? null,
              matchedBy: row.match.by,
              identity: row.match.identity,
            }
          : null,
      suggestedMerges: row.suggestedMerges.map((m) => ({ ...m, name: names.get(m.customerId) ?? m.name })),
      history: versions
        .filter((v) => v.itemId === row.id)
        .map((v) => ({
          version: v.version,
          rating: v.rating,
          text: v.text,
          url: v.url,
          followers: v.followers,
          editedAt: v.editedAt,
          recordedAt: v.recordedAt,
        })),
      firstSeenAt: row.firstSeenAt,
      lastSeenAt: row.lastSeenAt,
    })),
  };
}

const isId = (id: string | null): id is string => id !== null;
