import { eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadMailbox } from './mailbox-row.js';
import { emailMailboxes } from './schema.js';

// The address stops receiving; the mail it received stays (its log rows lose the mailbox, the
// raw bytes and the conversations remain).
export async function deleteMailbox(ctx: WorkContext, id: string) {
  await loadMailbox(ctx, id);
  await ctx.tx.delete(emailMailboxes).where(eq(emailMailboxes.id, id));
}
