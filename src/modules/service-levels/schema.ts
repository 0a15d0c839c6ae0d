import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, ts, workspaceId } from '../../db/columns.js';
import { conversations } from '../conversations/schema.js';
import { teams, workspaces } from '../workspaces/schema.js';
import type { Holiday, WorkingHours } from './working-time.js';

/** Business hours and holidays in one time zone; a policy's clocks run only inside them. */
export const slaCalendars = pgTable(
  'sla_calendars',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    timezone: text('timezone').notNull(),
    hours: jsonb('hours').$type<WorkingHours[]>().notNull(),
    // Sorted by date, one per date.
    holidays: jsonb('holidays').$type<Holiday[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sla_calendars_name_key').on(t.workspaceId, sql`lower(${t.name})`)],
);

export const targetKinds = ['firstHumanResponse', 'nextResponse', 'resolution'] as const;
export type TargetKind = (typeof targetKinds)[number];

/**
 * Targets for the conversations it applies to: those matching every criterion it names (none
 * names the workspace's default). `scope` spells the criteria out ("team|priority|channel", "*"
 * for any) so that two policies cannot claim exactly the same conversations.
 */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    priority: text('priority'),
    channel: text('channel'),
    scope: text('scope').notNull(),
    firstHumanResponseSeconds: integer('first_human_response_seconds'),
    nextResponseSeconds: integer('next_response_seconds'),
    resolutionSeconds: integer('resolution_seconds'),
    calendarId: uuid('calendar_id').references(() => slaCalendars.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sla_policies_scope_key').on(t.workspaceId, t.scope)],
);

/*
 * What service levels know of one conversation: the policy and calendar its clocks use, the
 * team, priority and status they were chosen by, and the moments that decide whether it waits on
 * the customer (paused) or on us. Kept by listeners on the conversation's events; the row is the
 * lock that orders every change to the conversation's targets.
 */
export const slaConversations = pgTable('sla_conversations', {
  conversationId: uuid('conversation_id')
    .primaryKey()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
  // No foreign key: a deleted policy's running targets keep running on what they were given.
  policyId: uuid('policy_id'),
  calendarId: uuid('calendar_id').references(() => slaCalendars.id, { onDelete: 'set null' }),
  teamId: uuid('team_id'),
  priority: text('priority').notNull(),
  channel: text('channel').notNull(),
  status: text('status').notNull(),
  statusAt: ts('status_at').notNull(),
  pausedAt: ts('paused_at'),
  lastCustomerAt: ts('last_customer_at'),
  lastHumanAt: ts('last_human_at'),
});

export const targetStatuses = ['active', 'paused', 'met', 'breached', 'stopped'] as const;
export type TargetStatus = (typeof targetStatuses)[number];

/*
 * One clock of one conversation. While it runs, `clock_from` is when it last (re)started and
 * `used_seconds` the working time it had used before; `due_at` = clock_from + what is left, in
 * working time. A pause moves what was used into `used_seconds` and clears the clock. It ends met
 * (a human answered, or it was resolved), breached (its time passed first), or stopped (no longer
 * asked for: resolved before a reply, or the policy changed). `warn_at` is the 80% mark, cleared
 * once the warning went out.
 */
export const slaTargets = pgTable(
  'sla_targets',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => slaConversations.conversationId, { onDelete: 'cascade' }),
    kind: text('kind', { enum: targetKinds }).notNull(),
    policyId: uuid('policy_id').notNull(),
    targetSeconds: integer('target_seconds').notNull(),
    status: text('status', { enum: targetStatuses }).notNull(),
    startedAt: ts('started_at').notNull(),
    clockFrom: ts('clock_from'),
    usedSeconds: doublePrecision('used_seconds').notNull().default(0),
    dueAt: ts('due_at'),
    warnAt: ts('warn_at'),
    warnedAt: ts('warned_at'),
    endedAt: ts('ended_at'),
  },
  (t) => [
    // A clock is started once per moment, however often the event that starts it arrives.
    uniqueIndex('sla_targets_start_key').on(t.conversationId, t.kind, t.startedAt),
    // The sweep's two questions, across every workspace: running clocks past due, or past 80%.
    index('sla_targets_due_idx')
      .on(t.dueAt)
      .where(sql`${t.status} = 'active'`),
    index('sla_targets_warn_idx')
      .on(t.warnAt)
      .where(sql`${t.status} = 'active'`),
    // "Breaching soon" in one workspace.
    index('sla_targets_workspace_due_idx')
      .on(t.workspaceId, t.dueAt)
      .where(sql`${t.status} = 'active'`),
  ],
);

export type TargetRow = typeof slaTargets.$inferSelect;
export type SlaConversationRow = typeof slaConversations.$inferSelect;
export type PolicyRow = typeof slaPolicies.$inferSelect;
export type CalendarRow = typeof slaCalendars.$inferSelect;

/** Targets met and breached per day (UTC, of the meeting or the due time), kind and policy. */
export const slaDaily = pgTable(
  'sla_daily',
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: targetKinds }).notNull(),
    policyId: uuid('policy_id').notNull(),
    met: integer('met').notNull().default(0),
    breached: integer('breached').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.kind, t.policyId] })],
);
