import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, workspaceId } from '../../db/columns.js';
import { roles } from '../../platform/access/roles.js';
// Foreign keys only: the identity module reads and writes no workspaces table.
import { users, workspaces } from '../workspaces/schema.js';

export const apiKeyKinds = ['integration', 'automation'] as const;

export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    role: text('role', { enum: roles }).notNull(),
    // Rights a key holds beyond its role, which no human role has (posting as the customer).
    permissions: text('permissions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // 'integration': a tool a person uses acts through it (their replies are theirs); 'automation':
    // a bot or workflow, whose replies never count as a human's (time to first human, service
    // levels, the customer's wait).
    kind: text('kind', { enum: apiKeyKinds }).notNull().default('integration'),
    // A key acts for its creator; null only for keys the system made (see the identity module's
    // key-power.ts). So a deleted person's keys go with them rather than becoming the system's.
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_hash_key').on(t.keyHash), index('api_keys_workspace_idx').on(t.workspaceId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [uniqueIndex('sessions_token_key').on(t.tokenHash)],
);

// Failed logins per account and per source address, in the database so that every instance
// serving it counts the same attempts. Global (no workspace): a login names no workspace yet.
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: ts('window_started_at').notNull(),
});
