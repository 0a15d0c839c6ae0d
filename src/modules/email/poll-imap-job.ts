import { isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob, type JobContext } from '../../platform/jobs/index.js';
import { pollImapMailbox, type PollDeps } from './poll-imap.js';
import { emailMailboxes } from './schema.js';

// Every minute (cron's finest step), each IMAP mailbox is read up to date, one after another; a
// mailbox another process holds the lease of is left to it. Failures are kept on the mailbox
// (lastError, lag), not retried: the next minute's run is the retry.
export const pollImapJob = defineJob({
  name: 'email.poll-imap',
  schema: z.object({}),
  handler: async (_payload, ctx: JobContext<PollDeps>) => {
    const mailboxes = await ctx.db
      .select({ id: emailMailboxes.id })
      .from(emailMailboxes)
      .where(isNotNull(emailMailboxes.imap));
    for (const { id } of mailboxes) {
      if (ctx.signal.aborted) return;
      const result = await pollImapMailbox(ctx, id);
      if ('error' in result) ctx.logger.warn({ mailboxId: id, error: result.error }, 'IMAP fetch failed');
      else if ('stored' in result && result.stored)
        ctx.logger.info({ mailboxId: id, ...result }, 'IMAP mail fetched');
    }
  },
  options: { schedule: '* * * * *', policy: 'short', retryLimit: 0, expireInSeconds: 600 },
});
