import { asc } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadLine, presentLine } from './line-row.js';
import { phoneLines } from './schema.js';

export async function listLines(ctx: WorkContext) {
  const rows = await ctx.tx.select().from(phoneLines).orderBy(asc(phoneLines.name), asc(phoneLines.id));
  return { data: rows.map(presentLine) };
}

export const getLine = async (ctx: WorkContext, id: string) => presentLine(await loadLine(ctx, id));
