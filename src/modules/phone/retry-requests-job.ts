import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob, type JobContext } from '../../platform/jobs/index.js';
import type { ScopeDeps } from '../../platform/tenancy/scope.js';
import { findLineForUrl } from './find-line.js';
import { applyRequest } from './receive-events.js';
import { phoneRequests } from './schema.js';

const batchSize = 100;
// A request still unapplied a minute after it came (its transaction failed after the raw was
// stored) is tried again each minute for a day; after that it waits for a person, with its error.
const graceMs = 60_000;
const retryForMs = 24 * 3_600_000;

export async function retryStuckRequests(deps: ScopeDeps, now = new Date()) {
  // Across every workspace, as the database owner, by the (state, received_at) index; each request
  // is then applied inside its own line's workspace.
  const stuck = await deps.db
    .select({ id: phoneRequests.id, lineId: phoneRequests.lineId })
    .from(phoneRequests)
    .where(
      and(
        eq(phoneRequests.state, 'received'),
        lte(phoneRequests.receivedAt, new Date(now.getTime() - graceMs)),
        gte(phoneRequests.receivedAt, new Date(now.getTime() - retryForMs)),
      ),
    )
    .orderBy(asc(phoneRequests.receivedAt))
    .limit(batchSize);
  let applied = 0;
  for (const request of stuck) {
    const line = request.lineId ? await findLineForUrl(deps.db, request.lineId) : null;
    if (!line) continue;
    const done = await applyRequest(deps, line, request.id).catch(() => null);
    if (done) applied++;
  }
  return { found: stuck.length, applied };
}

export const retryRequestsJob = defineJob({
  name: 'phone.retry-requests',
  schema: z.object({}),
  handler: async (_payload, ctx: JobContext<ScopeDeps>) => {
    const result = await retryStuckRequests(ctx);
    if (result.found) ctx.logger.info(result, 'phone requests applied again');
  },
  // Every minute; one sweep at a time, and a failed one is not retried: the next minute's covers it.
  options: { schedule: '* * * * *', policy: 'short', retryLimit: 0, expireInSeconds: 120 },
});
