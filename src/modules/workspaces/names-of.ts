import { inArray } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { teams, users } from './schema.js';

/** Display names of people or teams of this workspace, by id. */
export async function namesOf(ctx: WorkContext, kind: 'person' | 'team', ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const table = kind === 'person' ? users : teams;
  const rows = await ctx.tx
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(inArray(table.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
