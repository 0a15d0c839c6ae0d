import { z } from '@hono/zod-openapi';
import { text } from '../../platform/http/input-schemas.js';
import { apiKeyKinds } from './schema.js';
import { emailSchema, passwordSchema, roleSchema } from '../workspaces/index.js';

export const loginBody = z
  .object({
    email: emailSchema,
    password: text({ min: 1, max: 200, trim: false }),
    workspaceId: z.uuid().optional(),
  })
  .strict()
  .openapi('LoginInput');

export const meSchema = z
  .object({
    user: z.object({ id: z.uuid().nullable(), email: z.string().nullable(), name: z.string().nullable() }),
    workspace: z.object({ id: z.uuid(), name: z.string(), role: roleSchema }),
    auth: z.enum(['session', 'api_key']),
  })
  .openapi('Me');

const apiKeyKindSchema = z.enum(apiKeyKinds).openapi({
  description:
    "'integration' (default): a tool a person uses; 'automation': a bot or workflow, whose messages never count as a human's reply",
});

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    role: roleSchema,
    kind: apiKeyKindSchema,
    permissions: z
      .array(z.string())
      .openapi({ description: 'Rights beyond the role, e.g. conversations:impersonate-customer' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

export const createdApiKeySchema = apiKeySchema
  .extend({ key: z.string().openapi({ description: 'Shown once; store it now' }) })
  .openapi('CreatedApiKey');

export const createApiKeyBody = z
  .object({
    name: text({ min: 1, max: 100 }),
    role: roleSchema.optional(),
    kind: apiKeyKindSchema.optional(),
    permissions: z
      .array(text({ max: 100 }))
      .max(20)
      .optional()
      .openapi({
        description:
          'Rights no role holds, for channels and integrations (owners only): conversations:impersonate-customer',
      }),
  })
  .strict();

export const changePasswordBody = z
  .object({ currentPassword: text({ min: 1, max: 200, trim: false }), newPassword: passwordSchema })
  .strict()
  .openapi('ChangePasswordInput');
