import { and, eq, getTableColumns } from 'drizzle-orm';
import { paginate } from '../../platform/http/paginate.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadMailbox } from './mailbox-row.js';
import { emailInbound } from './schema.js';

type LogRow = Omit<typeof emailInbound.$inferSelect, 'raw'>;

export const presentLogEntry = (row: LogRow) => ({
  id: row.id,
  receivedAt: row.receivedAt,
  via: row.via,
  size: row.size,
  sha256: row.sha256,
  messageId: row.messageId,
  from: row.fromAddress,
  subject: row.subject,
  state: row.state,
  conversationId: row.conversationId,
  messageRef: row.messageRef,
  flags: row.flags,
  error: row.error,
});

// The raw bytes stay out of the list: they can be 25 MB a row.
const { raw: _raw, ...logColumns } = getTableColumns(emailInbound);

// Every mail the mailbox received, newest first, whatever became of it.
export async function listMailLog(
  ctx: WorkContext,
  mailboxId: string,
  input: { cursor?: string; limit: number },
) {
  await loadMailbox(ctx, mailboxId);
  const page = await paginate(
    (after, order, take) =>
      ctx.tx
        .select(logColumns)
        .from(emailInbound)
        .where(and(eq(emailInbound.mailboxId, mailboxId), after))
        .orderBy(...order)
        .limit(take),
    {
      keys: { at: emailInbound.receivedAt, id: emailInbound.id },
      cursor: input.cursor,
      limit: input.limit,
      atOf: (row) => row.receivedAt,
    },
  );
  return { ...page, data: page.data.map(presentLogEntry) };
}
