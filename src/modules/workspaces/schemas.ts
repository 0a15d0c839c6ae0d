import { z } from '@hono/zod-openapi';
import { roles } from './schema.js';
import { atLeastOneField, text } from '../../platform/http/input-schemas.js';
import { passwordProblem } from './password-rule.js';

const timezones = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));

export const roleSchema = z.enum(roles);
export const emailSchema = z.email().max(320);
export const passwordSchema = text({ max: 200, trim: false })
  .min(10, 'must be at least 10 characters')
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * For an object that sets a password for an email: refuses a password built on that email. Use
 * with .superRefine() next to passwordSchema, which checks the password on its own.
 */
export const passwordNotEmail =
  (emailKey: string, passwordKey: string) => (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const email = value[emailKey];
    const password = value[passwordKey];
    if (typeof email !== 'string' || typeof password !== 'string') return;
    const problem = passwordProblem(password, email);
    if (problem) ctx.addIssue({ code: 'custom', path: [passwordKey], message: problem });
  };

export const workspaceSchema = z
  .object({ id: z.uuid(), name: z.string(), timezone: z.string(), createdAt: z.string() })
  .openapi('Workspace');

export const updateWorkspaceBody = atLeastOneField(
  z
    .object({
      name: text({ min: 1, max: 200 }).optional(),
      timezone: z
        .string()
        .refine((tz) => timezones.has(tz), 'must be an IANA time zone such as Europe/Paris')
        .optional(),
    })
    .strict(),
);

const slots = z.number().int().min(0).max(100);
export const capacitySchema = z
  .object({ chat: slots, email: slots, phone: slots, social: slots })
  .openapi('Capacity', {
    description: 'Conversations of each kind worked at once; routing never offers beyond it',
  });

// Skill names are compared without case ("Spanish" and "spanish" are one skill).
export const skillNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(50)
  .regex(/^[a-z0-9][a-z0-9 _.-]*$/, 'letters a-z and digits, with spaces, _ . or -')
  .openapi({ example: 'spanish' });
export const skillLevelSchema = z
  .number()
  .int()
  .min(1)
  .max(5)
  .openapi({ description: '1 beginner … 5 expert' });

/** Refuses a list that names a skill twice (each skill has one level or one requirement). */
export const eachSkillOnce = (list: readonly { skill: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  list.forEach(({ skill }, i) => {
    if (seen.has(skill)) ctx.addIssue({ code: 'custom', path: [i, 'skill'], message: 'named twice' });
    seen.add(skill);
  });
};

export const skillsSchema = z
  .array(z.object({ skill: skillNameSchema, level: skillLevelSchema }).strict())
  .max(100)
  .superRefine(eachSkillOnce)
  .openapi('SkillLevels', { description: 'What a member knows and how well; routing matches it' });

export const memberSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    capacity: capacitySchema,
    skills: skillsSchema,
    joinedAt: z.string(),
  })
  .openapi('Member');

export const addMemberBody = z
  .object({
    email: emailSchema,
    name: text({ min: 1, max: 200 }).optional(),
    password: passwordSchema.optional(),
    role: roleSchema,
  })
  .strict()
  .superRefine(passwordNotEmail('email', 'password'))
  .openapi('AddMemberInput');

export const updateMemberBody = atLeastOneField(
  z
    .object({
      role: roleSchema.optional(),
      capacity: capacitySchema.partial().strict().optional(),
      skills: skillsSchema.optional().openapi({ description: 'Replaces the member’s skills' }),
    })
    .strict(),
).openapi('UpdateMemberInput');

const preferredWait = z.number().int().min(0).max(86_400).openapi({
  description:
    'How long a waiting conversation holds out for agents with its preferred skills before any agent with its required skills may take it',
});

export const teamSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    autoAssign: z.boolean(),
    preferredSkillsWaitSeconds: preferredWait,
    createdAt: z.string(),
    members: z.array(z.object({ id: z.uuid(), name: z.string() })).optional(),
    memberCount: z.number().int().optional(),
  })
  .openapi('Team');

export const createTeamBody = z.object({ name: text({ min: 1, max: 100 }) }).strict();
export const updateTeamBody = atLeastOneField(
  z
    .object({
      name: text({ min: 1, max: 100 }).optional(),
      autoAssign: z.boolean().optional(),
      preferredSkillsWaitSeconds: preferredWait.optional(),
    })
    .strict(),
).openapi('UpdateTeamInput');
export const addTeamMemberBody = z.object({ userId: z.uuid() }).strict();
