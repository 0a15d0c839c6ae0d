import { z } from '@hono/zod-openapi';
import { text } from '../../../platform/http/input-schemas.js';

const score = z.number().min(0).max(1);
const phrases = z.array(text({ min: 2, max: 120 })).max(200);

// Only what a workspace may tune. Strict at every level, so a misspelt field is refused rather
// than silently ignored and the workspace left wondering why nothing changed.
export const rubricOverridesSchema = z
  .object({
    weights: z
      .object({ empathy: score, listening: score, apologyFit: score, repeatAsk: score, clarity: score })
      .partial()
      .strict()
      .optional(),
    // Gaps under a minute between a customer's message and the reply are typing, not holding.
    longHoldSeconds: z.number().int().min(60).max(86_400).optional(),
    extraPhrases: z
      .object({
        empathy: phrases,
        apology: phrases,
        redirect: phrases,
        jargon: phrases,
        customerChoice: phrases,
      })
      .partial()
      .strict()
      .optional(),
    outlier: z
      .object({
        minConversations: z.number().int().min(1).max(1_000),
        pointsBelowTeam: z.number().min(0).max(100),
        // 0 turns the spread rule off, leaving only the fixed gap.
        standardDeviations: z.union([z.literal(0), z.number().min(0.5).max(6)]),
        periodDays: z.number().int().min(1).max(365),
        coachingDueDays: z.number().int().min(1).max(90),
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict()
  .openapi('QualityRubricInput');

export type RubricOverrides = z.infer<typeof rubricOverridesSchema>;

export type OutlierSettings = Required<NonNullable<RubricOverrides['outlier']>>;

// An agent needs enough conversations for an average to mean something, and "far below" is
// either a fixed gap or, for a team whose scores sit close together, a statistical one.
export const defaultOutlierSettings: OutlierSettings = Object.freeze({
  minConversations: 5,
  pointsBelowTeam: 15,
  standardDeviations: 2,
  periodDays: 30,
  coachingDueDays: 7,
});
