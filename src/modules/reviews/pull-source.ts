import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Config } from '../../config/env.js';
import { AppError } from '../../platform/errors.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { unseal } from '../../platform/access/seal-secret.js';
import { recordAudit } from '../workspaces/index.js';
import { processDelivery, readEnvelope, storeDelivery, type ReceiveDeps } from './receive-items.js';
import { reviewSources } from './schema.js';
import type { SourceRow } from './source-row.js';

export type PullDeps = ReceiveDeps & { config: Pick<Config, 'sessionSecret'> };
export type PullResult =
  | { stored: number; checkpoint: string | null; pages: number; more: boolean }
  | { skipped: 'leased' | 'not_pulled' }
  | { error: string; needsReauth: boolean };

const leaseSeconds = 300;
const fetchTimeoutMs = 30_000;

/*
 * Like the IMAP fetcher, the lease and the checkpoint are kept as the system, by the source's id:
 * the poll belongs to no request. What the feed answers is stored in the source's workspace.
 */

/** Pages read in one run: a long backlog is read over several runs, each going on from the last. */
export const maxPagesPerRun = 10;

/**
 * Asks a source's feed for what changed since the checkpoint (`?since=<ISO time>`; the answer is
 * `{items, next?}` or an array, in the item contract; `next`, when present, is the cursor of the
 * following page, asked for with `&cursor=<next>`). Each page is stored raw, then read like a
 * posted delivery, and only then is the run's progress kept: the next page's cursor while pages
 * remain, the checkpoint (the newest item time of all the pages) once the last is read. The
 * checkpoint moves only then, since a feed may list newest first. A run reads at most
 * maxPagesPerRun pages; the next run goes on from the cursor. A failure anywhere leaves the
 * progress where it was, so the next poll asks again. Credentials refused (401, 403) put the
 * source in needs_reauth at once: it is not polled again until an administrator gives new ones,
 * and the administrators are told (see markNeedsReauth).
 */
export async function pullSource(deps: PullDeps, sourceId: string): Promise<PullResult> {
  const lease = () => sql`now() + make_interval(secs => ${leaseSeconds})`;
  const [source] = await deps.db
    .update(reviewSources)
    .set({ pullLeaseUntil: lease() })
    .where(
      and(
        eq(reviewSources.id, sourceId),
        isNotNull(reviewSources.pullUrl),
        eq(reviewSources.status, 'active'),
        or(isNull(reviewSources.pullLeaseUntil), lt(reviewSources.pullLeaseUntil, sql`now()`)),
      ),
    )
    .returning();
  if (!source) {
    const [exists] = await deps.db
      .select({ url: reviewSources.pullUrl, status: reviewSources.status })
      .from(reviewSources)
      .where(eq(reviewSources.id, sourceId));
    return { skipped: exists?.url && exists.status === 'active' ? 'leased' : 'not_pulled' };
  }
  const finish = (set: Partial<SourceRow>) =>
    deps.db
      .update(reviewSources)
      .set({ ...set, pullLastPollAt: new Date(), pullLeaseUntil: null })
      .where(eq(reviewSources.id, sourceId));
  let paging = source.pullPaging;
  let stored = 0;
  let pages = 0;
  try {
    for (;;) {
      const url = new URL(source.pullUrl!);
      if (source.pullCheckpoint) url.searchParams.set('since', source.pullCheckpoint);
      if (paging) url.searchParams.set('cursor', paging.cursor);
      const res = await fetch(url, {
        headers: {
          authorization: `Bearer ${unseal(deps.config.sessionSecret, source.pullToken ?? '')}`,
          accept: 'application/json',
        },
        redirect: 'error',
        signal: AbortSignal.timeout(fetchTimeoutMs),
      });
      if (res.status === 401 || res.status === 403) {
        const error = `The feed refused the credentials (HTTP ${res.status}); enter a new token`;
        await markNeedsReauth(deps, source, error);
        return { error, needsReauth: true };
      }
      if (!res.ok) throw new Error(`The feed answered HTTP ${res.status}`);
      const raw = await res.text();
      const deliveryId = await storeDelivery(deps, source, raw, 'pull');
      const { entries } = readEnvelope(raw);
      const received = await processDelivery(deps, source, deliveryId, entries, false);
      stored += received.results.filter((r) => r.result !== 'rejected').length;
      pages++;
      const newest = newestTime(
        entries.map((e) => e.item),
        paging?.newest ?? null,
      );
      const next = nextCursor(raw);
      if (!next) {
        const checkpoint = laterOf(source.pullCheckpoint, newest);
        await finish({
          pullCheckpoint: checkpoint,
          pullPaging: null,
          pullLastSuccessAt: new Date(),
          lastError: null,
          lastErrorAt: null,
        });
        return { stored, checkpoint, pages, more: false };
      }
      // This page is kept: the run (or the next one) goes on from the following page.
      paging = { cursor: next, newest };
      if (pages >= maxPagesPerRun) {
        await finish({
          pullPaging: paging,
          pullLastSuccessAt: new Date(),
          lastError: null,
          lastErrorAt: null,
        });
        return { stored, checkpoint: source.pullCheckpoint, pages, more: true };
      }
      await deps.db
        .update(reviewSources)
        .set({ pullPaging: paging, pullLeaseUntil: lease() })
        .where(eq(reviewSources.id, sourceId));
    }
  } catch (err) {
    const error =
      err instanceof AppError
        ? `The feed's answer is not a delivery: ${err.message}`
        : ((err as Error).message || String(err)).slice(0, 1_000);
    await finish({ lastError: error, lastErrorAt: new Date() });
    return { error, needsReauth: false };
  }
}

/** The following page's cursor when the answer names one (`{items, next}`). */
function nextCursor(raw: string): string | null {
  const body = JSON.parse(raw) as { next?: unknown } | unknown[];
  const next = Array.isArray(body) ? undefined : body?.next;
  return typeof next === 'string' && next.length > 0 && next.length <= 2_000 ? next : null;
}

const laterOf = (a: string | null, b: string | null) =>
  !a ? b : !b ? a : Date.parse(a) >= Date.parse(b) ? a : b;

/*
 * The alert: the status, the error and the domain event are committed together in the source's
 * workspace. The event reaches every connected member's app (realtime), where the Settings screen
 * shows the source as needing new credentials; the audit trail keeps who, when and why.
 */
async function markNeedsReauth(deps: PullDeps, source: SourceRow, error: string) {
  await inWorkspace(deps, systemScope(source.workspaceId), async (ctx) => {
    await ctx.tx
      .update(reviewSources)
      .set({
        status: 'needs_reauth',
        lastError: error,
        lastErrorAt: new Date(),
        pullLastPollAt: new Date(),
        pullLeaseUntil: null,
      })
      .where(eq(reviewSources.id, source.id));
    await recordAudit(ctx, [
      {
        action: 'review_source.needs_reauth',
        subjectType: 'review_source',
        subjectId: source.id,
        data: { error },
      },
    ]);
    ctx.emit('reviews.source_needs_reauth', { sourceId: source.id, name: source.name, error });
  });
}

/** The newest createdAt/updatedAt among the items, or the checkpoint when none is newer. */
function newestTime(items: unknown[], checkpoint: string | null): string | null {
  let newest = checkpoint ? Date.parse(checkpoint) : -Infinity;
  for (const item of items) {
    const { createdAt, updatedAt } = (item ?? {}) as { createdAt?: unknown; updatedAt?: unknown };
    for (const at of [createdAt, updatedAt]) {
      const ms = typeof at === 'string' ? Date.parse(at) : NaN;
      if (Number.isFinite(ms) && ms > newest) newest = ms;
    }
  }
  return Number.isFinite(newest) ? new Date(newest).toISOString() : checkpoint;
}
