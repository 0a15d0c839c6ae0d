import type { reviewItems } from './schema.js';
import type { SourceRow } from './source-row.js';

export type ItemRow = typeof reviewItems.$inferSelect;

/**
 * What a conversation message carries of the review it came from, under `review`: the stars, the
 * author and their reach, the link, the version; the web app's conversation view draws it.
 */
export function reviewChannelData(
  source: Pick<SourceRow, 'id' | 'name'>,
  item: ItemRow,
  extra: Record<string, unknown> = {},
) {
  return {
    review: {
      itemId: item.id,
      sourceId: source.id,
      sourceName: source.name,
      source: item.source,
      externalId: item.externalId,
      author: {
        handle: item.authorHandle,
        name: item.authorName,
        url: item.authorUrl,
        followers: item.followers,
      },
      rating: item.rating,
      ratingScale: item.ratingScale ?? 5,
      rating5: item.rating5,
      reach: item.reach,
      url: item.url,
      postedAt: item.postedAt.toISOString(),
      version: item.version,
      ...extra,
    },
  };
}
