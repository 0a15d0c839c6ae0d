import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { openConversationFromChannel } from '../conversations/index.js';
import { createPromise } from '../promises/index.js';
import { pickCoach } from '../workspaces/index.js';
import { priorityFor } from './case-rules.js';
import { customerForCase } from './match-customer.js';
import { reviewChannelData, type ItemRow } from './review-channel-data.js';
import type { CustomerMatch, SuggestedMerge } from './schema.js';
import type { SourceRow } from './source-row.js';
import type { ReviewItemInput } from './item-contract.js';

export type OpenedCase = {
  conversationId: string;
  promiseId: string;
  match: CustomerMatch;
  suggestedMerges: SuggestedMerge[];
};

/**
 * A review or mention that needs an answer becomes a conversation for its author (on `review`
 * when it carries a rating, `social` otherwise), with the item's text as the customer's message,
 * its priority raised by its reach, and a follow-up promised by the source's owner (or the desk's
 * lead) within the source's follow-up hours.
 */
export async function openCase(
  ctx: WorkContext,
  source: SourceRow,
  item: ItemRow,
  author: ReviewItemInput['author'],
  known: CustomerMatch | null,
  reason: string,
  now = new Date(),
): Promise<OpenedCase> {
  const { match, suggestedMerges } = await customerForCase(ctx, author, known);
  const rated = item.rating5 !== null;
  const opened = await openConversationFromChannel(ctx, {
    customerId: match.customerId,
    channel: rated ? 'review' : 'social',
    subject: rated
      ? `${item.rating5}★ review by ${item.authorHandle} on ${source.name}`
      : `Mention by ${item.authorHandle} on ${source.name}`,
    priority: priorityFor(item.reach),
    text: item.text,
    channelData: reviewChannelData(source, item),
  });
  const ownerId = source.followUpOwnerId ?? (await pickCoach(ctx, null, null));
  if (!ownerId) throw new AppError('CONFLICT', { message: 'Nobody in the workspace can own the follow-up' });
  const promise = await createPromise(
    ctx,
    {
      conversationId: opened.conversationId,
      type: 'follow_up',
      ownerId,
      dueAt: new Date(now.getTime() + source.followUpHours * 3_600_000).toISOString(),
      terms: `Answer ${item.authorHandle}'s ${rated ? 'review' : 'mention'} (${reason})`,
    },
    now,
  );
  return { conversationId: opened.conversationId, promiseId: promise.id, match, suggestedMerges };
}
