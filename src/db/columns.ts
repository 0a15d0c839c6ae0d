import { sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';

export const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
// Every tenant table gets this column; the database's row-level security policies key on it.
export const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .default(sql`(current_setting('earshot.workspace_id', true))::uuid`);
// Millisecond precision, like a JS Date, so keyset cursors built from a row compare exactly.
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 })
    .notNull()
    .default(sql`now()`);
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
