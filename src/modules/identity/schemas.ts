import { z } from '@hono/zod-openapi';
import { text } from '../../platform/http/input-schemas.js';
import { emailSchema, roleSchema } from '../workspaces/index.js';

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

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    role: roleSchema,
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

export const createdApiKeySchema = apiKeySchema
  .extend({ key: z.string().openapi({ description: 'Shown once; store it now' }) })
  .openapi('CreatedApiKey');

export const createApiKeyBody = z
  .object({ name: text({ min: 1, max: 100 }), role: roleSchema.optional() })
  .strict();
