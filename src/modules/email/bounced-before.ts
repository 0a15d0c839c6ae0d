import { eq, inArray } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { emailBouncedAddresses, emailOutbound } from './schema.js';

/** Why mail to this address is not sent (it bounced, with the report's reason), or null. */
export async function bouncedBefore(ctx: WorkContext, address: string): Promise<string | null> {
  const [flag] = await ctx.tx
    .select({
      lastBouncedAt: emailBouncedAddresses.lastBouncedAt,
      reason: emailOutbound.error,
    })
    .from(emailBouncedAddresses)
    .leftJoin(emailOutbound, eq(emailOutbound.id, emailBouncedAddresses.lastOutboundId))
    .where(eq(emailBouncedAddresses.address, address.toLowerCase()));
  if (!flag) return null;
  return (
    `Not sent: mail to ${address} bounced on ${flag.lastBouncedAt.toISOString()}` +
    `${flag.reason ? ` (${flag.reason})` : ''}; it is sent again once the customer writes from it`
  );
}

/** The addresses among these that bounced: left out of Cc. */
export async function bouncedAmong(ctx: WorkContext, addresses: string[]): Promise<Set<string>> {
  if (!addresses.length) return new Set();
  const rows = await ctx.tx
    .select({ address: emailBouncedAddresses.address })
    .from(emailBouncedAddresses)
    .where(inArray(emailBouncedAddresses.address, addresses));
  return new Set(rows.map((r) => r.address));
}
