import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts, workspaceId } from '../../db/columns.js';
import { conversations } from '../conversations/schema.js';
import { teams, users, workspaces } from '../workspaces/schema.js';

export const presenceStatuses = ['online', 'away', 'offline'] as const;
export type Presence = (typeof presenceStatuses)[number];
export const capacityKinds = ['chat', 'email', 'phone', 'social'] as const;
export type CapacityKind = (typeof capacityKinds)[number];

/*
 * An agent as routing sees them: presence, when they were last seen and last given work, and how
 * many conversations of each kind they hold now. The counters move with every change of holder, so
 * a routing decision reads one row per agent instead of counting conversations.
 */
export const routingAgents = pgTable(
  'routing_agents',
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: presenceStatuses }).notNull().default('offline'),
    lastSeenAt: ts('last_seen_at'),
    lastAssignedAt: ts('last_assigned_at'),
    chat: integer('load_chat').notNull().default(0),
    email: integer('load_email').notNull().default(0),
    phone: integer('load_phone').notNull().default(0),
    social: integer('load_social').notNull().default(0),
    // Calls the agent is on now: while on one, their whole phone capacity is taken.
    calls: integer('calls').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    // The sweep's question: who is online and has not been seen lately.
    index('routing_agents_seen_idx').on(t.status, t.lastSeenAt),
  ],
);

export const itemStates = ['unrouted', 'queued', 'offered', 'assigned', 'done'] as const;
export type ItemState = (typeof itemStates)[number];

/*
 * Every conversation routing knows of. `queued` waits in its team's queue; `offered` was given to
 * an agent who has not answered yet (it returns to the queue if they leave); `assigned` is held by
 * an agent who answered or was chosen by a person; `done` is resolved or closed; `unrouted` has
 * neither team nor agent. `enqueued_at` is when the customer started waiting and survives a return
 * to the queue; `sort_at` orders the queue (a reopened conversation goes in front of it).
 */
export const routingItems = pgTable(
  'routing_items',
  {
    conversationId: uuid('conversation_id')
      .primaryKey()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: capacityKinds }).notNull(),
    channel: text('channel').notNull(),
    // 0 urgent … 3 low, so ascending order serves the most urgent first.
    priority: integer('priority').notNull(),
    state: text('state', { enum: itemStates }).notNull(),
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    lastAgentId: uuid('last_agent_id').references(() => users.id, { onDelete: 'set null' }),
    enqueuedAt: ts('enqueued_at'),
    sortAt: ts('sort_at'),
    offeredAt: ts('offered_at'),
    // Time to first human: from the customer's first message to a human's first public reply.
    waitingSince: ts('waiting_since'),
    firstHumanAt: ts('first_human_at'),
    // Skills by name with the least level: required ones limit who is offered it; preferred ones
    // are waited for up to the team's preferredSkillsWaitSeconds from enqueuedAt. Null: none.
    requiredSkills: jsonb('required_skills').$type<Record<string, number>>(),
    preferredSkills: jsonb('preferred_skills').$type<Record<string, number>>(),
  },
  (t) => [
    // A team's queue per kind of capacity: a chat waits only for chat places, so routing reads, and
    // a position counts, the waiting of one kind.
    index('routing_items_queue_idx')
      .on(t.workspaceId, t.teamId, t.kind, t.priority, t.sortAt, t.conversationId)
      .where(sql`${t.state} = 'queued'`),
    index('routing_items_agent_idx').on(t.workspaceId, t.agentId, t.state),
  ],
);

// Histogram buckets for time to first human, in seconds (upper bounds; the last is open-ended).
export const waitBuckets = [
  10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400,
];

/*
 * Time to first human per day, team and channel: a count per bucket (index i counts waits up to
 * waitBuckets[i], the last slot the rest), their sum, and the waits that ended with no human.
 * Reports and the queue estimate read these rows, never the messages.
 */
export const firstHumanRollup = pgTable(
  'routing_first_human_daily',
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    // The zero UUID stands for "no team", so the key has no nulls.
    teamId: uuid('team_id').notNull(),
    channel: text('channel').notNull(),
    count: integer('count').notNull().default(0),
    totalSeconds: bigint('total_seconds', { mode: 'number' }).notNull().default(0),
    buckets: integer('buckets').array().notNull(),
    abandoned: integer('abandoned').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.teamId, t.channel] })],
);
