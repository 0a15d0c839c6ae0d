import { boolean, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ts, workspaceId } from '../../db/columns.js';
import { teams, workspaces } from '../workspaces/schema.js';

/*
 * One chat widget per workspace. The workspace key is public (it sits in the host site's script
 * tag); the signing secret is the host site's, for signing its customers' ids. While a secret is
 * rotated the previous one keeps verifying until `previous_secret_valid_until`, so a site can
 * deploy the new one without a window of refused visitors.
 */
export const widgetSettings = pgTable(
  'widget_settings',
  {
    workspaceId: workspaceId()
      .primaryKey()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    workspaceKey: text('workspace_key').notNull(),
    enforceSignature: boolean('enforce_signature').notNull().default(false),
    anonymousAllowed: boolean('anonymous_allowed').notNull().default(true),
    signingSecret: text('signing_secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretValidUntil: ts('previous_secret_valid_until'),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    // No foreign key: calendars belong to service levels, and a deleted calendar reads as none.
    calendarId: uuid('calendar_id'),
    callbackOfferAfterSeconds: integer('callback_offer_after_seconds').notNull().default(300),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('widget_settings_key').on(t.workspaceKey)],
);

/*
 * Requests counted per visitor and per address in fixed windows (like the login throttle): in the
 * database, so every instance serving it shares the counts. No workspace column: keys are opaque
 * (a visitor's customer id, an address) and no workspace reads them.
 */
export const widgetRateLimits = pgTable('widget_rate_limits', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  windowStartedAt: ts('window_started_at').notNull(),
});
