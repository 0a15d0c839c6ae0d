import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/http/app-env.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { getWorkspace } from '../workspaces/index.js';
import { createSource } from './create-source.js';
import { processDelivery, storeDelivery, type Received } from './receive-items.js';
import { reviewSources } from './schema.js';

export type ImportArgs = {
  workspace: string;
  source: string;
  backfill: boolean;
  rows: { line: number; item: unknown }[];
};

/**
 * One batch of a CSV import (`earshot import reviews`), into the source of that name, created the
 * first time (its site named after it). The CLI sends the file in batches small enough for the
 * admin socket and shows progress between them; each batch is kept raw like any delivery, and
 * each row is kept in its own transaction or not at all.
 */
export async function importReviews(
  deps: AppDeps,
  args: ImportArgs,
): Promise<Received & { sourceId: string }> {
  const source = await inWorkspace(deps, systemScope(args.workspace), async (ctx) => {
    await getWorkspace(ctx);
    const [found] = await ctx.tx.select().from(reviewSources).where(eq(reviewSources.name, args.source));
    if (found) return found;
    const created = await createSource(ctx, { name: args.source, source: siteOf(args.source) });
    return { id: created.id, workspaceId: args.workspace, source: created.source };
  });
  const entries = args.rows.map(({ line, item }) => ({
    line,
    item: item && typeof item === 'object' ? { source: source.source, ...item } : item,
  }));
  const deliveryId = await storeDelivery(deps, source, JSON.stringify(args.rows), 'csv');
  const received = await processDelivery(deps, source, deliveryId, entries, args.backfill);
  return { ...received, sourceId: source.id };
}

const siteOf = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'csv';
