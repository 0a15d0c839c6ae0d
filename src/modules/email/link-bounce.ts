import { desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { mergeMessageChannelData } from '../conversations/index.js';
import { emailBouncedAddresses, emailOutbound } from './schema.js';

const idHeader = /^(?:message-id|in-reply-to|references)[ \t]*:(.*(?:\r?\n[ \t].*)*)/gim;
const replyToken = /\+r-([0-9a-f]{20})@/gi;
const diagnostic = /^(?:diagnostic-code|status)[ \t]*:[ \t]*(.*(?:\r?\n[ \t].*)*)/gim;

/**
 * A delivery report (DSN) names the mail it is about in the original's headers, which it quotes
 * (message/rfc822 or text/rfc822-headers), and often in the address it was sent back to, our
 * Reply-To with its token. Either finds the mail we sent: it is marked `bounced` with the
 * report's reason, on its row and on the conversation's message, and its recipient's address is
 * flagged. Returns what it found, or null for a report about no mail of ours.
 */
export async function linkBounce(ctx: WorkContext, mail: Buffer) {
  const text = mail.toString('latin1');
  const ids = [...text.matchAll(idHeader)].flatMap((m) =>
    [...m[1]!.matchAll(/<([^<>\s]+)>/g)].map((x) => x[1]!),
  );
  const tokens = [...text.matchAll(replyToken)].map((m) => m[1]!.toLowerCase());
  if (!ids.length && !tokens.length) return null;
  const [sent] = await ctx.tx
    .select()
    .from(emailOutbound)
    .where(
      or(
        ids.length ? inArray(emailOutbound.messageId, ids) : undefined,
        tokens.length ? inArray(emailOutbound.replyToken, tokens) : undefined,
      ),
    )
    .orderBy(desc(emailOutbound.createdAt))
    .limit(1);
  if (!sent) return null;
  const reason =
    [...text.matchAll(diagnostic)]
      .map((m) => m[1]!.replace(/\s+/g, ' ').trim())
      .join('; ')
      .slice(0, 1_000) || 'bounced';
  const at = new Date();
  await ctx.tx
    .update(emailOutbound)
    .set({ state: 'bounced', bouncedAt: at, error: reason })
    .where(eq(emailOutbound.id, sent.id));
  if (sent.messageRef) {
    await mergeMessageChannelData(ctx, sent.messageRef, {
      delivery: { state: 'bounced', at, attempts: sent.attempts, error: reason },
    });
  }
  await ctx.tx
    .insert(emailBouncedAddresses)
    .values({
      workspaceId: ctx.workspaceId,
      address: sent.toAddress,
      lastOutboundId: sent.id,
      lastBouncedAt: at,
    })
    .onConflictDoUpdate({
      target: [emailBouncedAddresses.workspaceId, emailBouncedAddresses.address],
      set: {
        bounces: sql`${emailBouncedAddresses.bounces} + 1`,
        lastOutboundId: sent.id,
        lastBouncedAt: at,
      },
    });
  return { outboundId: sent.id, conversationId: sent.conversationId, address: sent.toAddress, reason };
}
