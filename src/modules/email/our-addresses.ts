import type { WorkContext } from '../../platform/tenancy/scope.js';
import { replyTokenIn } from './compose-outbound.js';
import { mailboxKey } from './mailbox-address.js';
import { emailMailboxes } from './schema.js';

/**
 * A test for "this address is one of ours": any mailbox of the workspace, with or without a
 * +tag or reply token. We never list ourselves among a conversation's people or copy ourselves in.
 */
export async function ourAddresses(ctx: WorkContext): Promise<(address: string) => boolean> {
  const mailboxes = await ctx.tx.select({ address: emailMailboxes.address }).from(emailMailboxes);
  const ours = new Set(mailboxes.map((m) => m.address));
  return (address) => replyTokenIn(address) !== null || ours.has(mailboxKey(address) ?? address);
}
