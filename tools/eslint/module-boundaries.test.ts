import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The rule as `npm run lint` runs it: the project's own config, on code placed where it would live.
const eslint = new ESLint();

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'earshot/module-boundaries').map((m) => m.message);
}

describe('the module-boundaries lint rule', () => {
  it("fails a module that imports another module's internals, and passes its index", async () => {
    const file = 'src/modules/quality/scoring/example.ts';
    expect(
      await boundaryErrors(
        file,
        "export { loadConversation } from '../../conversations/conversation-row.js';\n",
      ),
    ).toEqual([expect.stringContaining('through src/modules/conversations/index.ts')]);
    expect(
      await boundaryErrors(file, "export { loadConversation } from '../../conversations/index.js';\n"),
    ).toEqual([]);
    expect(await boundaryErrors(file, "export { presentScore } from './present-score.js';\n")).toEqual([]);
  });

  it("fails a module that touches another module's tables, but not a schema's foreign key", async () => {
    const tables = "export { conversations } from '../../conversations/schema.js';\n";
    expect(await boundaryErrors('src/modules/quality/scoring/example.ts', tables)).toHaveLength(1);
    const fk = "export { workspaces } from '../workspaces/schema.js';\n";
    expect(await boundaryErrors('src/modules/customers/schema.ts', fk)).toEqual([]);
    expect(await boundaryErrors('src/modules/customers/example.ts', fk)).toHaveLength(1);
  });

  it('fails the kernel when it imports a module, the app or an engine', async () => {
    const file = 'src/platform/http/example.ts';
    for (const source of [
      '../../modules/customers/index.js',
      '../../app/build-app.js',
      '../../engine/quality/index.js',
    ]) {
      expect(await boundaryErrors(file, `export * from '${source}';\n`), source).toHaveLength(1);
    }
  });

  it('keeps an engine pure and reachable only through its public entries', async () => {
    expect(
      await boundaryErrors('src/engine/quality/example.ts', "export * from '../../platform/errors.js';\n"),
    ).toHaveLength(1);
    expect(
      await boundaryErrors('bench/example.ts', "export * from '../src/engine/quality/score-empathy.js';\n"),
    ).toHaveLength(1);
    expect(
      await boundaryErrors('bench/example.ts', "export * from '../src/engine/quality/index.js';\n"),
    ).toEqual([]);
  });

  it('sees dynamic imports too', async () => {
    const code = "export const load = () => import('../customers/get-customer.js');\n";
    expect(await boundaryErrors('src/modules/conversations/example.ts', code)).toHaveLength(1);
  });
});
