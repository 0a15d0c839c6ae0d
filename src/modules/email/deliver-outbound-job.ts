import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../config/env.js';
import { defineJob, type JobContext } from '../../platform/jobs/index.js';
import { inWorkspace, type ScopeDeps } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { mergeMessageChannelData } from '../conversations/index.js';
import { deliverMail } from './mail-transport.js';
import { bouncedBefore } from './bounced-before.js';
import { emailOutbound, type DeliveryState } from './schema.js';

const retryLimit = 5;

type DeliverDeps = ScopeDeps & { config: Config };

// Sends one queued mail. Only a `queued` mail is sent, and what became of it is written on its
// row and on the conversation's message (`delivery`), so a second run sends nothing. A relay that
// is down or answers 4xx is retried with back-off; a 5xx, or the last attempt, leaves the mail
// `failed`, with the reason, for an agent to see.
export const deliverOutboundJob = defineJob({
  name: 'email.deliver',
  schema: z.object({ workspaceId: z.uuid(), outboundId: z.uuid() }),
  handler: async (payload, ctx: JobContext<DeliverDeps>) => {
    const scope = systemScope(payload.workspaceId);
    const { mail, bounced } = await inWorkspace(ctx, scope, async (work) => {
      const [row] = await work.tx
        .select()
        .from(emailOutbound)
        .where(eq(emailOutbound.id, payload.outboundId));
      return { mail: row, bounced: row ? await bouncedBefore(work, row.toAddress) : null };
    });
    if (!mail || mail.state !== 'queued') return;
    const record = (state: DeliveryState, error: string | null) =>
      inWorkspace(ctx, scope, async (work) => {
        const at = new Date();
        await work.tx
          .update(emailOutbound)
          .set({
            state,
            error,
            attempts: sql`${emailOutbound.attempts} + 1`,
            ...(state === 'sent' || state === 'outbox' ? { sentAt: at } : {}),
          })
          .where(eq(emailOutbound.id, mail.id));
        if (mail.messageRef) {
          await mergeMessageChannelData(work, mail.messageRef, {
            delivery: { state, at, attempts: mail.attempts + 1, ...(error ? { error } : {}) },
          });
        }
      });
    // Mail to an address that bounced would bounce again (and hurt the relay's standing): it is
    // not sent, and the message says why, until the customer writes from it again.
    if (bounced) return record('failed', bounced);
    try {
      const done = await deliverMail(
        ctx.config,
        mail.id,
        { from: mail.fromAddress, to: [mail.toAddress, ...mail.ccAddresses] },
        mail.raw,
      );
      await record(done.state, null);
    } catch (err) {
      const reason = (err as Error).message.slice(0, 2_000);
      ctx.logger.warn({ ...payload, err }, 'email not delivered');
      // A 5xx from the relay is its final word (no such user, refused): retrying changes nothing.
      // Anything else (down, 4xx) stays queued while retries remain, the reason showing meanwhile.
      const permanent = Number((err as { responseCode?: number }).responseCode) >= 500;
      const retry = !permanent && ctx.retryCount < retryLimit;
      await record(retry ? 'queued' : 'failed', reason);
      if (retry) throw err;
    }
  },
  options: { retryLimit, retryDelaySeconds: 30, expireInSeconds: 300 },
});
