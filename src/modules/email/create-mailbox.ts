import { newSecret } from '../../platform/access/secrets.js';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import type { ImapColumns } from './imap-columns.js';
import { withStats } from './mailbox-row.js';
import { emailMailboxes } from './schema.js';

export const newInboundSecret = () => newSecret('esm');

export async function createMailbox(
  ctx: WorkContext,
  input: { address: string; name: string; autoAcknowledge?: boolean } & ImapColumns,
) {
  const [row] = await ctx.tx
    .insert(emailMailboxes)
    .values({
      workspaceId: ctx.workspaceId,
      ...input,
      autoAcknowledge: input.autoAcknowledge ?? false,
      inboundSecret: newInboundSecret(),
    })
    .onConflictDoNothing()
    .returning();
  // The address may belong to another workspace, which this one cannot see: only the unique
  // index knows, and it says no more than "taken".
  if (!row) throw addressTaken(input.address);
  return (await withStats(ctx, [row]))[0]!;
}

export const addressTaken = (address: string) =>
  new AppError('MAILBOX_ADDRESS_TAKEN', {
    message: `${address} already belongs to a mailbox`,
    invalidParams: [{ name: 'address', reason: 'already belongs to a mailbox' }],
  });
