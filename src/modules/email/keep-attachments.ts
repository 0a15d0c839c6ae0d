import { randomUUID } from 'node:crypto';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { storable } from './mail-content.js';
import type { MailAttachment } from './parse-mail.js';
import { emailAttachments } from './schema.js';

/** An attachment as the conversation lists it; `id` is what GET /attachments/{id} takes. */
export type ListedAttachment = {
  id: string;
  filename: string | null;
  contentType: string;
  size: number;
  sha256: string;
};

/** Ids for a mail's attachments, fixed before its message is written so the message can list them. */
export const listAttachments = (attachments: MailAttachment[]) =>
  attachments.map((a) => ({
    id: randomUUID(),
    filename: a.filename === null ? null : storable(a.filename).slice(0, 1_000),
    contentType: storable(a.contentType).slice(0, 255) || 'application/octet-stream',
    size: a.size,
    sha256: a.sha256,
  }));

/** Records a routed mail's attachments: every one of them, whatever their number. */
export async function keepAttachments(
  ctx: WorkContext,
  input: {
    inboundId: string;
    conversationId: string | null;
    messageRef: string | null;
    listed: ListedAttachment[];
    parts: MailAttachment[];
  },
) {
  if (!input.listed.length) return;
  await ctx.tx.insert(emailAttachments).values(
    input.listed.map((a, position) => ({
      id: a.id,
      workspaceId: ctx.workspaceId,
      inboundId: input.inboundId,
      conversationId: input.conversationId,
      messageRef: input.messageRef,
      position,
      filename: a.filename,
      contentType: a.contentType,
      disposition: input.parts[position]?.disposition ? storable(input.parts[position].disposition) : null,
      contentId: input.parts[position]?.contentId ? storable(input.parts[position].contentId) : null,
      size: a.size,
      sha256: a.sha256,
    })),
  );
}
