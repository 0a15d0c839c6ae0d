import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { inWorkspace, type WorkContext } from '../tenancy/scope.js';
import type { AppDeps, AppEnv } from './app-env.js';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    requestId: z.string().optional(),
    invalid_params: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .openapi('Problem');

export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

export const errorResponses = {
  400: problem('Invalid input; invalid_params names each bad field'),
  401: problem('Not authenticated'),
  403: problem('Not allowed for this role'),
  404: problem('Not found in this workspace'),
  409: problem('Conflicts with the current state'),
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const idParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

// Dates become ISO strings before the response schema strips anything it does not list.
// Own keys by for…in, not Object.entries: no array of pairs for every object of every answer.
function toJsonValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  const out: Record<string, unknown> = {};
  for (const k in value) {
    if (Object.hasOwn(value, k)) out[k] = toJsonValue((value as Record<string, unknown>)[k]);
  }
  return out;
}

export function reply<T extends z.ZodType, S extends 200 | 201>(
  c: Context<AppEnv>,
  schema: T,
  data: unknown,
  status: S,
) {
  return c.json(schema.parse(toJsonValue(data)) as z.infer<T>, status);
}

// Runs one operation in the caller's workspace; the route's access kind has already checked the
// caller's role.
// `present` shapes the answer after other modules' reactions, in the same transaction.
export function scopedRunner(deps: AppDeps) {
  return <T, U = T>(
    c: Context<AppEnv>,
    work: (ctx: WorkContext) => Promise<T>,
    present?: (ctx: WorkContext, value: T) => Promise<U>,
  ): Promise<U> => inWorkspace(deps, c.get('scope'), work, present);
}
