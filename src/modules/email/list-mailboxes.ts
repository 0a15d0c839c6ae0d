import { asc } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadMailbox, withStats } from './mailbox-row.js';
import { emailMailboxes } from './schema.js';

export async function listMailboxes(ctx: WorkContext) {
  const rows = await ctx.tx.select().from(emailMailboxes).orderBy(asc(emailMailboxes.address));
  return { data: await withStats(ctx, rows) };
}

export async function getMailbox(ctx: WorkContext, id: string) {
  return (await withStats(ctx, [await loadMailbox(ctx, id)]))[0]!;
}
