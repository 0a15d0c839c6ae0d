import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, ts, workspaceId } from '../../db/columns.js';
import { workspaces } from '../workspaces/schema.js';

// `external`: the id a customer has on the host site of the chat widget, as that site signed it.
export const identityTypes = ['email', 'phone', 'account', 'social', 'external'] as const;
export type IdentityType = (typeof identityTypes)[number];
export const lifecycleStatuses = ['active', 'lost'] as const;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const customers = pgTable(
  'customers',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    lifetimeValueCents: bigint('lifetime_value_cents', { mode: 'number' }).notNull().default(0),
    // Kept by a reaction to conversation.created (count-conversations.ts): the profile shows it
    // without reading the conversations module's tables.
    conversationCount: integer('conversation_count').notNull().default(0),
    lifecycleStatus: text('lifecycle_status', { enum: lifecycleStatuses }).notNull().default('active'),
    customerSince: ts('customer_since').notNull().defaultNow(),
    lostAt: ts('lost_at'),
    // Set when this profile was merged into another; merged profiles are kept for the audit trail.
    mergedIntoId: uuid('merged_into_id'),
    // Declared with the table: adding a generated column later rewrites the whole table.
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL => sql`to_tsvector('simple', coalesce(${customers.name}, ''))`,
    ),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('customers_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('customers_search_idx').using('gin', t.searchVector),
    index('customers_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

export const customerIdentities = pgTable(
  'customer_identities',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    type: text('type', { enum: identityTypes }).notNull(),
    // Normalised (lower-cased email, E.164 phone, trimmed account/handle): the unique key.
    value: text('value').notNull(),
    displayValue: text('display_value').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('customer_identities_value_key').on(t.workspaceId, t.type, t.value),
    index('customer_identities_lookup_idx').on(t.workspaceId, t.value),
    index('customer_identities_customer_idx').on(t.customerId),
  ],
);
