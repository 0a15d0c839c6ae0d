import { z } from '@hono/zod-openapi';
import { channels } from '../conversations/index.js';
import { coachingTaskStatuses } from './schema.js';
import { dateTime, text } from '../../platform/http/input-schemas.js';
import { rubricOverridesSchema } from './settings/settings-schema.js';

const scoresShape = {
  empathy: z.number(),
  listening: z.number(),
  apologyFit: z.number(),
  repeatAsk: z.number(),
  clarity: z.number(),
};

export const evidenceSchema = z
  .object({
    criterion: z.string().openapi({ example: 'repeatAsk' }),
    turn: z.number().int().openapi({ description: 'Index of the turn among the messages the customer saw' }),
    quote: z.string(),
    why: z.string(),
  })
  .openapi('QualityEvidence');

export const flagsSchema = z
  .object({
    repeatAsk: z.boolean(),
    apologyMisplaced: z.boolean(),
    prematureClose: z.boolean(),
    redirectAndClose: z.boolean(),
    longHold: z.boolean(),
    multipleTransfers: z.boolean(),
  })
  .openapi('QualityFlags');

export const qualityScoreSchema = z
  .object({
    conversationId: z.uuid(),
    agentId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    channel: z.enum(channels),
    overall: z.number().int().openapi({ description: '0-100' }),
    road: z
      .number()
      .int()
      .min(1)
      .max(4)
      .openapi({ description: "Seth Godin's four roads: 1 learn, 2 care, 3 teach, 4 go away" }),
    scores: z.object(scoresShape),
    resolution: z.string(),
    flags: flagsSchema,
    sentiment: z.object({
      start: z.number(),
      end: z.number(),
      change: z.number(),
      turns: z.array(z.object({ turn: z.number().int(), score: z.number() })),
    }),
    reasons: z.array(z.string()),
    evidence: z.array(evidenceSchema),
    engineVersion: z.string(),
    scoredAt: z.string(),
  })
  .openapi('QualityScore');

export const draftCheckBody = z
  .object({ text: text({ min: 1, max: 50_000 }) })
  .strict()
  .openapi('DraftCheckInput');

export const draftCheckSchema = z
  .object({
    warnings: z.array(
      z.object({
        code: z.string().openapi({ example: 'REPEAT_ASK' }),
        message: z.string(),
        field: z.string().optional(),
      }),
    ),
  })
  .openapi('DraftCheck');

export const scorecardsQuery = z
  .object({
    groupBy: z.enum(['agent', 'team']).default('agent'),
    from: dateTime().optional().openapi({ description: 'Default: 30 days before `to`' }),
    to: dateTime().optional().openapi({ description: 'Default: now' }),
  })
  .strict();

const worstSchema = z.object({
  conversationId: z.uuid(),
  overall: z.number().int(),
  road: z.number().int(),
  scoredAt: z.string(),
  evidence: z.array(evidenceSchema),
});

export const scorecardSchema = z
  .object({
    id: z
      .uuid()
      .nullable()
      .openapi({ description: 'The agent or team; null groups conversations without a team' }),
    name: z.string().nullable(),
    conversations: z.number().int(),
    averages: z.object({ overall: z.number(), ...scoresShape }),
    roadMix: z.object({
      '1': z.number().int(),
      '2': z.number().int(),
      '3': z.number().int(),
      '4': z.number().int(),
    }),
    flagCounts: z.object({
      repeatAsk: z.number().int(),
      apologyMisplaced: z.number().int(),
      prematureClose: z.number().int(),
      redirectAndClose: z.number().int(),
      longHold: z.number().int(),
      multipleTransfers: z.number().int(),
    }),
    worst: z
      .array(worstSchema)
      .openapi({ description: 'The three lowest-scored conversations, with the evidence to read first' }),
    teamId: z
      .uuid()
      .nullable()
      .optional()
      .openapi({ description: 'Agents only: the team they are compared with' }),
    teamAverage: z
      .number()
      .nullable()
      .optional()
      .openapi({ description: 'Agents only: the average of the rest of that team' }),
    outlier: z
      .boolean()
      .optional()
      .openapi({ description: 'Agents only: far below the team (see the rubric outlier settings)' }),
  })
  .openapi('Scorecard');

export const scorecardsSchema = z
  .object({
    groupBy: z.enum(['agent', 'team']),
    from: z.string(),
    to: z.string(),
    data: z.array(scorecardSchema),
  })
  .openapi('Scorecards');

export const coachingTaskSchema = z
  .object({
    id: z.uuid(),
    agentId: z.uuid(),
    teamId: z.uuid().nullable(),
    assigneeId: z.uuid().nullable(),
    reason: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    agentAverage: z.number(),
    teamAverage: z.number(),
    conversationIds: z.array(z.uuid()),
    status: z.enum(coachingTaskStatuses),
    dueAt: z.string(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .openapi('CoachingTask');

export const coachingTaskListSchema = z
  .object({ data: z.array(coachingTaskSchema), nextCursor: z.string().nullable() })
  .openapi('CoachingTaskList');

export const coachingTasksQuery = z
  .object({
    status: z.enum(coachingTaskStatuses).optional(),
    agentId: z.uuid().optional(),
    assigneeId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const updateCoachingTaskBody = z.object({ status: z.enum(coachingTaskStatuses) }).strict();

const phraseListsSchema = z.object({
  empathy: z.array(z.string()).optional(),
  apology: z.array(z.string()).optional(),
  redirect: z.array(z.string()).optional(),
  jargon: z.array(z.string()).optional(),
  customerChoice: z.array(z.string()).optional(),
});

export const rubricSettingsSchema = z
  .object({
    rubric: z
      .object({
        weights: z.object(scoresShape),
        longHoldSeconds: z.number(),
        prematureCloseTurns: z.number(),
        penalties: z.record(z.string(), z.number()),
        extraPhrases: phraseListsSchema,
        outlier: z.object({
          minConversations: z.number().int(),
          pointsBelowTeam: z.number(),
          standardDeviations: z.number(),
          periodDays: z.number().int(),
          coachingDueDays: z.number().int(),
        }),
      })
      .openapi({
        description: 'What every scoring in this workspace uses: the defaults with the overrides applied',
      }),
    overrides: rubricOverridesSchema,
    updatedAt: z.string().nullable(),
    updatedBy: z.uuid().nullable(),
  })
  .openapi('QualityRubric');

export { rubricOverridesSchema };
