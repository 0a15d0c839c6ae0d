import type { WorkContext } from '../tenancy/scope.js';

/**
 * A field one module adds to another module's resource when it is presented, without the owner
 * knowing who adds it: routing adds `routing` to a conversation, and conversations never imports
 * routing. The owner calls enrich() once per page of rows; each enrichment for that resource loads
 * its field for every id of the page in one batch, and rows it has nothing for get `null`.
 *
 * The owner declares the field (optional and nullable) in its response schema, so the OpenAPI
 * document shows it; the enrichment decides what it holds. Enrichments read in the request's own
 * transaction (row-level security applies) and must not write.
 */
export type EnrichmentDefinition<V = unknown> = {
  /** The resource it adds to, e.g. 'conversation'. */
  resource: string;
  /** The field it adds; one enrichment per (resource, field). */
  field: string;
  load(ctx: WorkContext, ids: readonly string[]): Promise<ReadonlyMap<string, V>>;
};

export const defineEnrichment = <V>(enrichment: EnrichmentDefinition<V>) =>
  enrichment as unknown as EnrichmentDefinition;

/** Every module's enrichments by resource; built once by the composition root. */
export type Enrichments = ReadonlyMap<string, readonly EnrichmentDefinition[]>;

export const noEnrichments: Enrichments = new Map();

export function indexEnrichments(enrichments: readonly EnrichmentDefinition[]): Enrichments {
  const byResource = new Map<string, EnrichmentDefinition[]>();
  for (const e of enrichments) {
    const list = byResource.get(e.resource) ?? [];
    if (list.some((other) => other.field === e.field)) {
      throw new Error(`Two enrichments add "${e.field}" to ${e.resource}`);
    }
    byResource.set(e.resource, [...list, e]);
  }
  return byResource;
}

/**
 * Adds every enrichment's field to each row of one resource: one load per enrichment for the whole
 * list, however long it is. Rows keep their order; a field nobody loaded a value for is null.
 */
export async function enrich<R extends { id: string }>(
  ctx: WorkContext,
  resource: string,
  rows: readonly R[],
): Promise<(R & Record<string, unknown>)[]> {
  const enrichments = ctx.enrichments.get(resource) ?? [];
  if (!enrichments.length || !rows.length) return rows as (R & Record<string, unknown>)[];
  const ids = rows.map((r) => r.id);
  // One after another: they share the request's transaction, which runs one statement at a time.
  const loaded: ReadonlyMap<string, unknown>[] = [];
  for (const e of enrichments) loaded.push(await e.load(ctx, ids));
  return rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    enrichments.forEach((e, i) => (out[e.field] = loaded[i]!.get(row.id) ?? null));
    return out as R & Record<string, unknown>;
  });
}
