import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { reviewSources } from './schema.js';

export type SourceRow = typeof reviewSources.$inferSelect;

export async function loadSource(ctx: WorkContext, id: string): Promise<SourceRow> {
  const [row] = await ctx.tx.select().from(reviewSources).where(eq(reviewSources.id, id));
  if (!row) throw new AppError('REVIEW_SOURCE_NOT_FOUND');
  return row;
}

// The feed's token never leaves the server; whether the source works is the first thing shown.
export function presentSource(row: SourceRow) {
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    secret: row.secret,
    status: row.status,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt,
    visibility: row.visibility,
    followUpOwnerId: row.followUpOwnerId,
    followUpHours: row.followUpHours,
    pull: row.pullUrl
      ? {
          url: row.pullUrl,
          checkpoint: row.pullCheckpoint,
          lastPollAt: row.pullLastPollAt,
          lastSuccessAt: row.pullLastSuccessAt,
        }
      : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
