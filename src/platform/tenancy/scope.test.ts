import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { inWorkspace, type WorkContext } from './scope.js';
import { systemScope } from './system-scope.js';

let t: TestApp;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.workspace('Scope maps')).workspaceId;
}, 60_000);
afterAll(() => t?.close(), 60_000);

describe('inWorkspace', () => {
  it('gives every work the same shape of context', async () => {
    // A map made for each context is made in the old generation, where it held the request's young
    // objects through scavenges (see attempt's ctx). V8's own test of two objects' maps:
    setFlagsFromString('--allow-natives-syntax');
    const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
      a: unknown,
      b: unknown,
    ) => boolean;
    const seen: WorkContext[] = [];
    // Enough works for V8's inline caches to settle, as they do under load.
    for (let i = 0; i < 40; i++)
      await inWorkspace(t.deps, systemScope(workspaceId), async (ctx) => seen.push(ctx));
    expect(sameMap(seen[38], seen[39])).toBe(true);
  });
});
