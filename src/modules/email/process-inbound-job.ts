import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob, type JobContext } from '../../platform/jobs/index.js';
import { inWorkspace, type ScopeDeps } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import type { Config } from '../../config/env.js';
import { blobStoreFor } from './blob-store-for.js';
import { parseMail, UnparseableMail } from './parse-mail.js';
import { readRaw } from './read-raw.js';
import { routeMail } from './route-mail.js';
import { emailInbound } from './schema.js';

const retryLimit = 3;

// Parsing and routing of one stored mail, its attachments' bytes kept in the blob store first.
// Its outcome is written on the mail's log row, so a
// second run (a redelivered event, a retry) finds the row routed and does nothing. A mail that
// cannot be read, or whose routing still fails on the last attempt, is marked `unparsed` with
// the reason: visible on the mailbox, retried by hand, never silently dropped.
export const processInboundJob = defineJob({
  name: 'email.process-inbound',
  schema: z.object({ workspaceId: z.uuid(), inboundId: z.uuid() }),
  handler: async (payload, ctx: JobContext<ScopeDeps & { config: Config }>) => {
    const scope = systemScope(payload.workspaceId);
    const [stored] = await inWorkspace(ctx, scope, (work) =>
      work.tx
        .select({ size: emailInbound.size, state: emailInbound.state })
        .from(emailInbound)
        .where(eq(emailInbound.id, payload.inboundId)),
    );
    if (!stored || stored.state !== 'received') return;
    try {
      // Read a piece at a time, the files decoded into the blob store as they come: the mail is
      // never whole in memory, and a file is kept before any row names it.
      const raw = readRaw(ctx, scope, payload.inboundId, stored.size);
      const mail = await parseMail(raw, blobStoreFor(ctx.config));
      const state = await inWorkspace(ctx, scope, (work) => routeMail(work, payload.inboundId, mail));
      ctx.logger.debug({ ...payload, state }, 'email routed');
    } catch (err) {
      if (!(err instanceof UnparseableMail) && ctx.retryCount < retryLimit) throw err;
      ctx.logger.warn({ ...payload, err }, 'email left unparsed');
      await inWorkspace(ctx, scope, (work) =>
        work.tx
          .update(emailInbound)
          .set({ state: 'unparsed', error: (err as Error).message.slice(0, 2_000) })
          .where(eq(emailInbound.id, payload.inboundId)),
      );
    }
  },
  // Two workers, each taking up to four mails at a time and fetching again at once while its
  // batches come back full: a burst of mail (a backlog after an outage, a mailing list) drains at
  // the speed of parsing. At most eight at once; each holds its mail without its files' bytes.
  options: { retryLimit, retryDelaySeconds: 5, expireInSeconds: 300, concurrency: 2, batchSize: 4 },
});
