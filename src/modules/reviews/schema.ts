import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, real, text, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, workspaceId } from '../../db/columns.js';
import { conversations } from '../conversations/schema.js';
import { customers } from '../customers/schema.js';
import { users, workspaces } from '../workspaces/schema.js';

/** `needs_reauth`: the pull connector's credentials were refused; nothing is fetched until they change. */
export const sourceStatuses = ['active', 'needs_reauth'] as const;
export type SourceStatus = (typeof sourceStatuses)[number];
export const deliveryVias = ['webhook', 'pull', 'csv'] as const;
export type DeliveryVia = (typeof deliveryVias)[number];

export const reviewSources = pgTable(
  'review_sources',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** How the team calls it ("Trustpilot UK"); the CSV import finds the source by it. */
    name: text('name').notNull(),
    /** The site or network the items come from ("trustpilot", "x"): with externalId, an item's key. */
    source: text('source').notNull(),
    // Kept as is, like a mailbox's inbound secret: the administrator copies it into the sender.
    secret: text('secret').notNull(),
    status: text('status', { enum: sourceStatuses }).notNull().default('active'),
    lastError: text('last_error'),
    lastErrorAt: ts('last_error_at'),
    /**
     * How many people read the site's page of reviews in a month, as the administrator estimates
     * it: a review's reach when its author has no followers of their own.
     */
    visibility: integer('visibility'),
    /** Who follows a case up; null: the desk's lead (supervisors, then admins, then owners). */
    followUpOwnerId: uuid('follow_up_owner_id').references(() => users.id, { onDelete: 'set null' }),
    followUpHours: integer('follow_up_hours').notNull().default(24),
    /** A feed Earshot polls, in the same item contract; null when items are only posted to us. */
    pullUrl: text('pull_url'),
    /** Sealed (see the email module's seal), never returned. */
    pullToken: text('pull_token'),
    /** The newest item time taken from the feed: sent back as `since`, moved only after a stored fetch. */
    pullCheckpoint: text('pull_checkpoint'),
    /**
     * A read of several pages not finished yet (the run's bound reached, or a failure): the next
     * page's cursor, and the newest item time of the pages read so far, which becomes the
     * checkpoint once the last page is read. The next run goes on from here.
     */
    pullPaging: jsonb('pull_paging').$type<{ cursor: string; newest: string | null }>(),
    pullLeaseUntil: ts('pull_lease_until'),
    pullLastPollAt: ts('pull_last_poll_at'),
    pullLastSuccessAt: ts('pull_last_success_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_sources_name_key').on(t.workspaceId, t.name)],
);

export type ItemResult = {
  index: number;
  line?: number;
  externalId?: string;
  result: 'created' | 'updated' | 'unchanged' | 'rejected';
  reason?: string;
  itemId?: string;
};

/** Every request or fetch as it came, before any of it was read: what a rejected item looked like. */
export const reviewDeliveries = pgTable(
  'review_deliveries',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id').references(() => reviewSources.id, { onDelete: 'set null' }),
    via: text('via', { enum: deliveryVias }).notNull(),
    raw: text('raw').notNull(),
    backfill: boolean('backfill').notNull().default(false),
    receivedAt: ts('received_at').notNull().defaultNow(),
    /** Filled once read: each item's outcome. Null: stored, not processed yet (or a crash in between). */
    results: jsonb('results').$type<ItemResult[]>(),
    /** Why the whole delivery was refused (not JSON, not a batch): nothing of it was kept but the raw. */
    error: text('error'),
  },
  (t) => [
    index('review_deliveries_source_idx').on(t.sourceId, t.receivedAt.desc()),
    // The sweep's question: what was stored and never read.
    index('review_deliveries_unread_idx')
      .on(t.receivedAt)
      .where(sql`${t.results} IS NULL`),
  ],
);

export type CustomerMatch = {
  /** How the customer was found: by one of their identities, or created for this item. */
  by: 'social' | 'email' | 'created';
  customerId: string;
  /** The identity that matched (or that the new profile holds), normalised. */
  identity: { type: 'social' | 'email'; value: string };
};
export type SuggestedMerge = { customerId: string; name: string; reason: string };

export const reviewItems = pgTable(
  'review_items',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The channel it came through; a deleted channel leaves its items (customers' words). */
    sourceId: uuid('source_id').references(() => reviewSources.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    authorHandle: text('author_handle').notNull(),
    authorName: text('author_name'),
    authorUrl: text('author_url'),
    authorEmail: text('author_email'),
    followers: integer('followers'),
    /** As the site gave it, on its own scale; `rating5` is the same on a 5 scale (thresholds read it). */
    rating: real('rating'),
    ratingScale: integer('rating_scale'),
    rating5: real('rating5'),
    text: text('text').notNull(),
    url: text('url'),
    postedAt: ts('posted_at').notNull(),
    editedAt: ts('edited_at'),
    /** Followers, or the site's visibility for a review: what sets the case's priority. */
    reach: integer('reach').notNull().default(0),
    /** The quality engine's customer sentiment of the text, -1..1. */
    sentiment: real('sentiment').notNull(),
    version: integer('version').notNull().default(1),
    backfill: boolean('backfill').notNull().default(false),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    match: jsonb('match').$type<CustomerMatch | null>(),
    suggestedMerges: jsonb('suggested_merges').$type<SuggestedMerge[]>().notNull().default([]),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    caseReason: text('case_reason'),
    caseOpenedAt: ts('case_opened_at'),
    followUpPromiseId: uuid('follow_up_promise_id'),
    recoveredAt: ts('recovered_at'),
    recoveredFrom: real('recovered_from'),
    recoveredTo: real('recovered_to'),
    firstSeenAt: ts('first_seen_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_items_key').on(t.workspaceId, t.source, t.externalId),
    index('review_items_list_idx').on(
      t.sourceId,
      t.firstSeenAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
  ],
);

/** Each state an item was seen in, from the first: its edit history. */
export const reviewItemVersions = pgTable(
  'review_item_versions',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => reviewItems.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    rating: real('rating'),
    text: text('text').notNull(),
    url: text('url'),
    followers: integer('followers'),
    editedAt: ts('edited_at'),
    deliveryId: uuid('delivery_id').references(() => reviewDeliveries.id, { onDelete: 'set null' }),
    recordedAt: createdAt(),
  },
  (t) => [uniqueIndex('review_item_versions_key').on(t.itemId, t.version)],
);
