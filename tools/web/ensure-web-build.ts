// Builds the web app (web/ → web/dist), and the chat widget (ensure-widget-build.ts), when the build is missing or older than any of its sources,
// and otherwise does nothing in a few milliseconds. `npm start` runs it first (so `npm install &&
// npm start` serves the app with no second command), and the test run runs it once before any
// test file (test/e2e/build-web.ts), never per file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWidgetBuild } from './ensure-widget-build.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const web = path.join(root, 'web');
const dist = path.join(web, 'dist');
const stamp = path.join(dist, '.built');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (full === dist || entry.name === 'node_modules') continue;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether a build is needed, and why (for the log). */
export function staleness(): string | null {
  if (!existsSync(stamp)) return 'web/dist is missing';
  const built = statSync(stamp).mtimeMs;
  const newest = Math.max(newestSource(web), statSync(path.join(root, 'package-lock.json')).mtimeMs);
  return newest > built ? 'web/ changed since the last build' : null;
}

/** Builds both when stale; false when one had to and could not (no Vite: a production install). */
export function ensureWebBuild({ quiet = false } = {}) {
  const widget = ensureWidgetBuild({ quiet });
  return buildWebApp({ quiet }) && widget;
}

function buildWebApp({ quiet }: { quiet: boolean }) {
  const reason = staleness();
  if (!reason) return true;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    console.warn(`The web app is not built (${reason}) and Vite is not installed: run \`npm install\`.`);
    return false;
  }
  if (!quiet) console.log(`Building the web app: ${reason}…`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [vite, 'build', '--config', path.join(web, 'vite.config.ts')], {
    cwd: root,
    // Always the production build: under Vitest NODE_ENV is 'test', which would bundle React's
    // development build (twice the size) into the folder `npm start` then serves.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`The web app's build failed:\n${run.stdout ?? ''}${run.stderr ?? ''}`);
  }
  writeFileSync(stamp, new Date().toISOString() + '\n');
  if (!quiet) console.log(`Built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    ensureWebBuild();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
