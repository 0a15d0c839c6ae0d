import { eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { addressTaken } from './create-mailbox.js';
import type { ImapColumns } from './imap-columns.js';
import { loadMailbox, withStats } from './mailbox-row.js';
import { emailMailboxes } from './schema.js';

export async function updateMailbox(
  ctx: WorkContext,
  id: string,
  input: { address?: string; name?: string; autoAcknowledge?: boolean } & ImapColumns,
) {
  await loadMailbox(ctx, id);
  const [row] = await ctx.tx
    .update(emailMailboxes)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(emailMailboxes.id, id))
    .returning()
    .catch((err: unknown) => {
      const code = (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
      throw code === '23505' && input.address ? addressTaken(input.address) : err;
    });
  return (await withStats(ctx, [row!]))[0]!;
}
