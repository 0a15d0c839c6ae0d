import type { WorkContext } from '../../platform/tenancy/scope.js';
import { composeOutbound, type OutboundDraft } from './compose-outbound.js';
import { emailOutbound } from './schema.js';

/**
 * Composes a mail and keeps it, queued, in email's own table; the `email.outbound_queued` event
 * committed with it starts the delivery job. Composed once: retries send the same bytes.
 */
export async function insertOutbound(
  ctx: WorkContext,
  draft: OutboundDraft & {
    kind: 'reply' | 'acknowledgement';
    mailboxId: string;
    conversationId: string;
    messageRef: string | null;
  },
) {
  const mail = await composeOutbound(draft);
  const [row] = await ctx.tx
    .insert(emailOutbound)
    .values({
      workspaceId: ctx.workspaceId,
      mailboxId: draft.mailboxId,
      kind: draft.kind,
      conversationId: draft.conversationId,
      messageRef: draft.messageRef,
      messageId: mail.messageId,
      replyToken: mail.replyToken,
      fromAddress: draft.mailbox.address,
      toAddress: draft.to,
      ccAddresses: draft.cc ?? [],
      subject: draft.subject,
      raw: mail.raw,
    })
    .returning({ id: emailOutbound.id });
  ctx.emit('email.outbound_queued', { outboundId: row!.id });
  return { id: row!.id, ...mail };
}

/** Ids we generated for mail without one are ours, not the customer's: never put in headers. */
export const realMessageIds = (ids: (string | null)[]) =>
  ids.filter((id): id is string => Boolean(id) && !id!.endsWith('@earshot.invalid'));
