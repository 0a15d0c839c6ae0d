// An ESLint rule that keeps the layers apart (see ARCHITECTURE.md):
// - the kernel (src/platform, src/db, src/config) imports no module, no engine, no app;
// - a module reaches another module only through that module's index.ts, and so never touches
//   another module's tables (its schema.ts);
// - an engine (src/engine/<name>) imports nothing of the application, and is reached from outside
//   only through its public entries (index.ts, formats.ts);
// - nothing but the composition root (src/app) and the CLI imports src/app.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const rel = (file) => path.relative(root, file).split(path.sep).join('/');

function place(file) {
  const p = rel(file);
  let m = /^src\/modules\/([^/]+)\/(.*)$/.exec(p);
  if (m) return { layer: 'module', name: m[1], rest: m[2], path: p };
  m = /^src\/engine\/([^/]+)\/(.*)$/.exec(p);
  if (m) return { layer: 'engine', name: m[1], rest: m[2], path: p };
  m = /^src\/(platform|db|config|app|seed|cli)\//.exec(p);
  if (m) return { layer: m[1] === 'db' || m[1] === 'config' ? 'platform' : m[1], path: p };
  return { layer: 'outside', path: p };
}

const ENGINE_ENTRIES = new Set(['index.ts', 'formats.ts']);

function violation(from, to) {
  // Tests anywhere may assemble the whole application to exercise their part of it.
  if (to.layer === 'app' && from.path.endsWith('.test.ts')) return null;
  if (from.layer === 'platform' && ['module', 'engine', 'app', 'seed', 'cli'].includes(to.layer))
    return `the kernel (${from.path.split('/').slice(0, 2).join('/')}) must not import ${to.layer} code`;
  if (from.layer === 'engine' && !(to.layer === 'engine' && to.name === from.name))
    return `the ${from.name} engine is a pure library: it imports nothing of the application`;
  if (
    to.layer === 'engine' &&
    !(from.layer === 'engine' && from.name === to.name) &&
    !ENGINE_ENTRIES.has(to.rest)
  )
    return `use the ${to.name} engine through src/engine/${to.name}/index.ts or formats.ts`;
  if (
    to.layer === 'module' &&
    !(from.layer === 'module' && from.name === to.name) &&
    to.rest !== 'index.ts'
  ) {
    // A module's tables are its own. The demo loader, tests and benchmarks may write fixtures
    // straight into them; foreign keys between schemas are declared in the schema files.
    const fixtures = ['seed', 'outside'].includes(from.layer) || from.path.endsWith('.test.ts');
    const foreignKey = from.layer === 'module' && from.rest === 'schema.ts';
    if (!(to.rest === 'schema.ts' && (fixtures || foreignKey)))
      return `reach the ${to.name} module through src/modules/${to.name}/index.ts`;
  }
  if (to.layer === 'app' && !['app', 'cli', 'outside'].includes(from.layer))
    return 'only the CLI, tests and tools import the composition root (src/app)';
  if (from.layer === 'module' && ['seed', 'cli'].includes(to.layer))
    return `a module must not import ${to.layer}`;
  return null;
}

export const moduleBoundaries = {
  meta: { type: 'problem', schema: [], docs: { description: 'Keep kernel, modules and engines apart' } },
  create(context) {
    const from = place(context.filename);
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source).replace(/\.js$/, '.ts');
      const message = violation(from, place(target));
      if (message) context.report({ node, message: `${message} (imports ${source})` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
