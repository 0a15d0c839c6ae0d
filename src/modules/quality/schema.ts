import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { channels, conversations } from '../conversations/schema.js';
import { createdAt, id, ts, workspaceId } from '../../db/columns.js';
import { teams, users, workspaces } from '../workspaces/schema.js';

export const coachingTaskStatuses = ['open', 'done', 'dismissed'] as const;
export type CoachingTaskStatus = (typeof coachingTaskStatuses)[number];

// One row per conversation, replaced when it is scored again. The five criteria are plain integer
// columns (not only inside a JSON document) so scorecards are SQL aggregates over an index range.
export const qualityScores = pgTable(
  'quality_scores',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    // Who held the conversation when it was scored: later reassignment does not move the score.
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    channel: text('channel', { enum: channels }).notNull(),
    overall: integer('overall').notNull(),
    road: integer('road').notNull(),
    empathy: integer('empathy').notNull(),
    listening: integer('listening').notNull(),
    apologyFit: integer('apology_fit').notNull(),
    repeatAsk: integer('repeat_ask').notNull(),
    clarity: integer('clarity').notNull(),
    resolution: text('resolution').notNull(),
    flags: jsonb('flags').$type<Record<string, boolean>>().notNull(),
    sentiment: jsonb('sentiment').$type<Record<string, unknown>>().notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    evidence: jsonb('evidence')
      .$type<{ criterion: string; turn: number; quote: string; why: string }[]>()
      .notNull(),
    engineVersion: text('engine_version').notNull(),
    scoredAt: ts('scored_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('quality_scores_conversation_key').on(t.conversationId),
    index('quality_scores_agent_idx').on(t.workspaceId, t.agentId, t.scoredAt),
    index('quality_scores_team_idx').on(t.workspaceId, t.teamId, t.scoredAt),
    index('quality_scores_scored_idx').on(t.workspaceId, t.scoredAt),
  ],
);

// A workspace's rubric is stored as overrides only, so improvements to the defaults reach every
// workspace that has not chosen otherwise.
export const qualitySettings = pgTable('quality_settings', {
  workspaceId: workspaceId()
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  rubric: jsonb('rubric').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});

export const coachingTasks = pgTable(
  'coaching_tasks',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    // The supervisor who coaches; null only when the workspace has nobody who could.
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    periodStart: ts('period_start').notNull(),
    periodEnd: ts('period_end').notNull(),
    agentAverage: doublePrecision('agent_average').notNull(),
    teamAverage: doublePrecision('team_average').notNull(),
    // The agent's worst conversations in the period: what the coaching session starts from.
    conversationIds: jsonb('conversation_ids').$type<string[]>().notNull(),
    status: text('status', { enum: coachingTaskStatuses }).notNull().default('open'),
    dueAt: ts('due_at').notNull(),
    createdAt: createdAt(),
    completedAt: ts('completed_at'),
  },
  (t) => [
    // At most one open task per agent: scoring many conversations never piles up duplicates.
    uniqueIndex('coaching_tasks_open_agent_key')
      .on(t.workspaceId, t.agentId)
      .where(sql`status = 'open'`),
    index('coaching_tasks_status_idx').on(t.workspaceId, t.status, t.createdAt),
    // Each score looks up the agent's latest task.
    index('coaching_tasks_agent_idx').on(t.workspaceId, t.agentId, t.createdAt),
  ],
);

/*
 * What was said on a call, as the call's channel handed it over (the words of a call are not the
 * conversation's messages). A conversation is judged on its messages and its calls' words
 * together, in time order, so scoring it again (when it is resolved) keeps what a call showed.
 */
export const qualityCallTurns = pgTable(
  'quality_call_turns',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    callId: text('call_id').notNull(),
    turns: jsonb('turns').$type<CallTurn[]>().notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('quality_call_turns_key').on(t.conversationId, t.callId)],
);

export type CallTurn = { role: 'customer' | 'agent'; text: string; at: string; agent?: string };
