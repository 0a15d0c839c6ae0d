import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createDeps } from '../create-deps.js';
import { defineReaction, indexReactions } from '../events/define-reaction.js';
import { inWorkspace } from '../tenancy/scope.js';
import { systemScope } from '../tenancy/system-scope.js';
import {
  defineEnrichment,
  enrich,
  indexEnrichments,
  type EnrichmentDefinition,
} from './define-enrichment.js';

let t: TestApp;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.workspace('Enrichments')).workspaceId;
}, 60_000);
afterAll(() => t?.close(), 60_000);

// The same database with only the given enrichments.
const withEnrichments = (...enrichments: EnrichmentDefinition[]) =>
  createDeps(t.deps.config, t.handle, indexReactions([]), undefined, indexEnrichments(enrichments));

const rows = [
  { id: 'a', name: 'first' },
  { id: 'b', name: 'second' },
  { id: 'c', name: 'third' },
];

describe('enrichments: a field another module adds to a resource', () => {
  it('load once per list with every id, in the request transaction, and give null where they have nothing', async () => {
    const calls: string[][] = [];
    const score = defineEnrichment({
      resource: 'thing',
      field: 'score',
      async load(ctx, ids) {
        calls.push([...ids]);
        // Reads in the caller's transaction: the workspace is set there.
        const [row] = (
          (await ctx.tx.execute(
            sql`SELECT current_setting('earshot.workspace_id', true) AS ws`,
          )) as unknown as {
            rows: { ws: string }[];
          }
        ).rows;
        expect(row!.ws).toBe(workspaceId);
        return new Map(ids.filter((id) => id !== 'b').map((id) => [id, { value: id.toUpperCase() }]));
      },
    });
    const other = defineEnrichment({
      resource: 'elsewhere',
      field: 'x',
      load: async () => new Map([['a', 1]]),
    });
    const deps = withEnrichments(score, other);
    const out = await inWorkspace(deps, systemScope(workspaceId), (ctx) => enrich(ctx, 'thing', rows));
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect(out).toEqual([
      { id: 'a', name: 'first', score: { value: 'A' } },
      { id: 'b', name: 'second', score: null },
      { id: 'c', name: 'third', score: { value: 'C' } },
    ]);
    // An empty list asks nothing; a resource nobody enriches comes back as it was.
    await inWorkspace(deps, systemScope(workspaceId), (ctx) => enrich(ctx, 'thing', []));
    expect(calls).toHaveLength(1);
    const plain = await inWorkspace(deps, systemScope(workspaceId), (ctx) => enrich(ctx, 'nothing', rows));
    expect(plain).toEqual(rows);
  });

  it('see the reactions’ changes when presented after them, and refuse two enrichments of one field', async () => {
    const seen = defineEnrichment({
      resource: 'thing',
      field: 'seen',
      load: async (ctx, ids) => {
        const result = (await ctx.tx.execute(
          sql`SELECT current_setting('test.marker', true) AS marker`,
        )) as unknown as { rows: { marker: string | null }[] };
        return new Map(ids.map((id) => [id, result.rows[0]!.marker]));
      },
    });
    const marker = defineReaction({
      name: 'test.marker',
      on: ['member.updated'],
      handle: async (_event, ctx) => {
        await ctx.tx.execute(sql`SELECT set_config('test.marker', 'set by a reaction', true)`);
      },
    });
    const deps = createDeps(
      t.deps.config,
      t.handle,
      indexReactions([marker]),
      undefined,
      indexEnrichments([seen]),
    );
    const out = await inWorkspace(
      deps,
      systemScope(workspaceId),
      async (ctx) => {
        ctx.emit('member.updated', { userId: '00000000-0000-4000-8000-000000000000' });
        return rows.slice(0, 1);
      },
      (ctx, value) => enrich(ctx, 'thing', value),
    );
    expect(out).toEqual([{ id: 'a', name: 'first', seen: 'set by a reaction' }]);
    expect(() => indexEnrichments([seen, seen])).toThrow(/Two enrichments add "seen" to thing/);
  });
});
