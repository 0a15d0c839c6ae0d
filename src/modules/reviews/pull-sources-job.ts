import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob, type JobContext } from '../../platform/jobs/index.js';
import { pullSource, type PullDeps } from './pull-source.js';
import { reviewSources } from './schema.js';

// Every two minutes each pulled source that still has working credentials is read up to date,
// one after another. Failures stay on the source (lastError), not retried: the next run is.
export const pullSourcesJob = defineJob({
  name: 'reviews.pull-sources',
  schema: z.object({}),
  handler: async (_payload, ctx: JobContext<PullDeps>) => {
    const sources = await ctx.db
      .select({ id: reviewSources.id })
      .from(reviewSources)
      .where(and(isNotNull(reviewSources.pullUrl), eq(reviewSources.status, 'active')));
    for (const { id } of sources) {
      if (ctx.signal.aborted) return;
      const result = await pullSource(ctx, id);
      if ('error' in result) ctx.logger.warn({ sourceId: id, ...result }, 'review feed fetch failed');
    }
  },
  options: { schedule: '*/2 * * * *', policy: 'short', retryLimit: 0, expireInSeconds: 600 },
});
