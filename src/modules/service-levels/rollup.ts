import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { slaDaily, targetKinds, type TargetRow } from './schema.js';

/*
 * Adds one ended clock to its day's row (the day it was met, or the day it fell due). Called
 * once per clock, by the change that ends it under the conversation's lock; an upsert adds in
 * place, so clocks ending side by side all count.
 */
export async function recordOutcome(
  ctx: WorkContext,
  t: Pick<TargetRow, 'kind' | 'policyId'>,
  outcome: 'met' | 'breached',
  at: Date,
) {
  const met = outcome === 'met' ? 1 : 0;
  await ctx.tx
    .insert(slaDaily)
    .values({
      workspaceId: ctx.workspaceId,
      day: at.toISOString().slice(0, 10),
      kind: t.kind,
      policyId: t.policyId,
      met,
      breached: 1 - met,
    })
    .onConflictDoUpdate({
      target: [slaDaily.workspaceId, slaDaily.day, slaDaily.kind, slaDaily.policyId],
      set: {
        met: sql`${slaDaily.met} + excluded.met`,
        breached: sql`${slaDaily.breached} + excluded.breached`,
      },
    });
}

export type SlaReportQuery = { from: string; to: string; policyId?: string };

/** The share of clocks met per kind over days from..to (inclusive, UTC), from the daily rows. */
export async function slaReport(ctx: WorkContext, q: SlaReportQuery) {
  const where: SQL[] = [gte(slaDaily.day, q.from), lte(slaDaily.day, q.to)];
  if (q.policyId) where.push(eq(slaDaily.policyId, q.policyId));
  const rows = await ctx.tx
    .select({
      kind: slaDaily.kind,
      met: sql<number>`sum(${slaDaily.met})::int`,
      breached: sql<number>`sum(${slaDaily.breached})::int`,
    })
    .from(slaDaily)
    .where(and(...where))
    .groupBy(slaDaily.kind);
  return {
    from: q.from,
    to: q.to,
    targets: targetKinds.map((kind) => {
      const row = rows.find((r) => r.kind === kind);
      const met = row?.met ?? 0;
      const breached = row?.breached ?? 0;
      const count = met + breached;
      return { kind, count, met, breached, metShare: count ? met / count : null };
    }),
  };
}
