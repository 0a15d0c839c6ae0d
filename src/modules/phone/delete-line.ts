import { eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadLine } from './line-row.js';
import { phoneLines } from './schema.js';

// The calls' conversations stay, and so do the raw requests (their line set to null).
export async function deleteLine(ctx: WorkContext, id: string) {
  await loadLine(ctx, id);
  await ctx.tx.delete(phoneLines).where(eq(phoneLines.id, id));
}
