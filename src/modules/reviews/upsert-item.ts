import { and, eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { addChannelMessage } from '../conversations/index.js';
import { caseReason, isRecovery, reachOf } from './case-rules.js';
import { ratingOnFive, type ReviewItemInput } from './item-contract.js';
import { matchCustomer } from './match-customer.js';
import { openCase } from './open-case.js';
import { reviewChannelData, type ItemRow } from './review-channel-data.js';
import { reviewItems, reviewItemVersions, type ItemResult } from './schema.js';
import { sentimentOf } from './sentiment.js';
import type { SourceRow } from './source-row.js';

export type UpsertOptions = { backfill: boolean; deliveryId: string | null; now?: Date };

/**
 * One item in, keyed by (source, externalId). New: kept as version 1, matched to a customer, and
 * a case opened when it calls for one (never for a backfill). Seen before with the same words,
 * rating and link: unchanged. Edited: a new version, and the edit is told on the item's case, if
 * it has one, as the customer's next message — never a second case. An edit older than the
 * version kept (a connector replaying history) changes nothing.
 */
export async function upsertItem(
  ctx: WorkContext,
  source: SourceRow,
  input: ReviewItemInput,
  options: UpsertOptions,
): Promise<Pick<ItemResult, 'result' | 'itemId' | 'reason'>> {
  const now = options.now ?? new Date();
  const rating5 = ratingOnFive(input);
  const fields = {
    authorHandle: input.author.handle,
    authorName: input.author.name ?? null,
    authorUrl: input.author.url ?? null,
    authorEmail: input.author.email ?? null,
    followers: input.author.followers ?? null,
    rating: input.rating ?? null,
    ratingScale: input.rating === undefined ? null : (input.ratingScale ?? 5),
    rating5,
    text: input.text,
    url: input.url ?? null,
    reach: reachOf(input.author.followers, rating5, source.visibility),
    sentiment: await sentimentOf(input.text),
  };
  const existing = await findItem(ctx, input);
  if (!existing) {
    const match = await matchCustomer(ctx, input.author);
    const [created] = await ctx.tx
      .insert(reviewItems)
      .values({
        workspaceId: ctx.workspaceId,
        sourceId: source.id,
        source: input.source,
        externalId: input.externalId,
        ...fields,
        postedAt: new Date(input.createdAt),
        editedAt: input.updatedAt ? new Date(input.updatedAt) : null,
        backfill: options.backfill,
        match,
        customerId: match?.customerId ?? null,
        firstSeenAt: now,
        lastSeenAt: now,
      })
      .onConflictDoNothing()
      .returning();
    // Another delivery of the same item committed first: this one is its next sighting.
    if (!created) return upsertItem(ctx, source, input, options);
    await keepVersion(ctx, created, options.deliveryId);
    const reason = options.backfill ? null : caseReason(fields);
    if (reason) await openCaseFor(ctx, source, created, input, reason, now);
    return { result: 'created', itemId: created.id };
  }

  const editedAt = input.updatedAt ? new Date(input.updatedAt) : null;
  const stale = editedAt && existing.editedAt && editedAt < existing.editedAt;
  const changed =
    existing.text !== fields.text || existing.rating5 !== fields.rating5 || existing.url !== fields.url;
  if (stale || !changed) {
    // Followers move all the time: kept up to date, but not an edit of what was written.
    await ctx.tx
      .update(reviewItems)
      .set({ followers: fields.followers, reach: fields.reach, lastSeenAt: now })
      .where(eq(reviewItems.id, existing.id));
    return stale
      ? { result: 'unchanged', itemId: existing.id, reason: 'older than the version already kept' }
      : { result: 'unchanged', itemId: existing.id };
  }

  const [updated] = await ctx.tx
    .update(reviewItems)
    .set({ ...fields, editedAt: editedAt ?? now, version: existing.version + 1, lastSeenAt: now })
    .where(eq(reviewItems.id, existing.id))
    .returning();
  await keepVersion(ctx, updated!, options.deliveryId);
  if (existing.conversationId) {
    await tellCase(ctx, source, existing, updated!, now);
  } else {
    const reason = options.backfill ? null : caseReason(fields);
    if (reason) {
      const match = existing.match ?? (await matchCustomer(ctx, input.author));
      await openCaseFor(ctx, source, { ...updated!, match }, input, reason, now);
    }
  }
  return { result: 'updated', itemId: existing.id };
}

async function findItem(ctx: WorkContext, input: ReviewItemInput) {
  const [row] = await ctx.tx
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.source, input.source), eq(reviewItems.externalId, input.externalId)))
    .for('update');
  return row ?? null;
}

async function keepVersion(ctx: WorkContext, item: ItemRow, deliveryId: string | null) {
  await ctx.tx.insert(reviewItemVersions).values({
    workspaceId: ctx.workspaceId,
    itemId: item.id,
    version: item.version,
    rating: item.rating,
    text: item.text,
    url: item.url,
    followers: item.followers,
    editedAt: item.editedAt,
    deliveryId,
  });
}

async function openCaseFor(
  ctx: WorkContext,
  source: SourceRow,
  item: ItemRow,
  input: ReviewItemInput,
  reason: string,
  now: Date,
) {
  const opened = await openCase(ctx, source, item, input.author, item.match, reason, now);
  await ctx.tx
    .update(reviewItems)
    .set({
      customerId: opened.match.customerId,
      match: opened.match,
      suggestedMerges: opened.suggestedMerges,
      conversationId: opened.conversationId,
      caseReason: reason,
      caseOpenedAt: now,
      followUpPromiseId: opened.promiseId,
    })
    .where(eq(reviewItems.id, item.id));
  ctx.emit('reviews.case_opened', {
    itemId: item.id,
    conversationId: opened.conversationId,
    promiseId: opened.promiseId,
    reason,
  });
}

/*
 * The edit joins the case as the customer's next message, with the rating before and after. A
 * rating raised after the follow-up was promised is a recovery: kept on the item (once, the first
 * time) and told on the case by a system message everyone on it sees.
 */
async function tellCase(ctx: WorkContext, source: SourceRow, before: ItemRow, after: ItemRow, now: Date) {
  const conversationId = before.conversationId!;
  const recovered =
    !before.recoveredAt && before.followUpPromiseId !== null && isRecovery(before.rating5, after.rating5);
  await addChannelMessage(ctx, conversationId, {
    role: 'customer',
    text: after.text,
    channelData: reviewChannelData(source, after, {
      edit: { fromVersion: before.version, ratingBefore: before.rating5, textBefore: before.text },
      ...(recovered ? { recovered: { from: before.rating5, to: after.rating5 } } : {}),
    }),
  });
  if (!recovered) return;
  await ctx.tx
    .update(reviewItems)
    .set({ recoveredAt: now, recoveredFrom: before.rating5, recoveredTo: after.rating5 })
    .where(eq(reviewItems.id, before.id));
  await addChannelMessage(ctx, conversationId, {
    role: 'system',
    text: `Recovered: ${after.authorHandle} raised their rating from ${before.rating5} to ${after.rating5} of 5 after the follow-up.`,
    channelData: { review: { itemId: before.id, recovered: { from: before.rating5, to: after.rating5 } } },
  });
  ctx.emit('reviews.recovered', {
    itemId: before.id,
    conversationId,
    from: before.rating5!,
    to: after.rating5!,
  });
}
