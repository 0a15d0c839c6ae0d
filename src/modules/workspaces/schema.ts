import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { roles } from '../../platform/access/roles.js';
import { createdAt, id, workspaceId } from '../../db/columns.js';

export { roles, type Role } from '../../platform/access/roles.js';

export const workspaces = pgTable('workspaces', {
  id: id(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull().default('UTC'),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  nextConversationNumber: integer('next_conversation_number').notNull().default(1),
  createdAt: createdAt(),
});

// People are global (one person may work in several workspaces); memberships carry the role.
export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

/** How many conversations of each kind a member works at once; routing never offers beyond it. */
export type Capacity = { chat: number; email: number; phone: number; social: number };
// A few chats side by side, a longer email pile, one call (a call takes the whole phone capacity).
export const defaultCapacity: Capacity = { chat: 3, email: 10, phone: 1, social: 5 };

/** What a member knows and how well (1 beginner … 5 expert); routing matches conversations' needs to it. */
export type SkillLevel = { skill: string; level: number };

export const memberships = pgTable(
  'memberships',
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    capacity: jsonb('capacity').$type<Capacity>().notNull().default(defaultCapacity),
    skills: jsonb('skills').$type<SkillLevel[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const teams = pgTable(
  'teams',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // A team is a queue; with this on, routing offers its waiting conversations to its members.
    autoAssign: boolean('auto_assign').notNull().default(false),
    // How long a waiting conversation holds out for agents with its preferred skills before any
    // agent with its required skills may take it.
    preferredSkillsWaitSeconds: integer('preferred_skills_wait_seconds').notNull().default(60),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teams_workspace_name_key').on(t.workspaceId, sql`lower(${t.name})`)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

// What people did to records that matter (merges, key revocations, role changes).
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    actorType: text('actor_type', { enum: ['user', 'api_key', 'system'] }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_subject_idx').on(t.workspaceId, t.subjectType, t.subjectId, t.createdAt)],
);
