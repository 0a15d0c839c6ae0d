// Builds the chat widget (widget/src → widget/dist/widget.js, one minified file) when the file is
// missing or older than any of its sources, as ensure-web-build.ts does for the web app, and is
// run with it: by `npm start`, once before the tests, and by CI's build step. esbuild comes with
// Vite (a development dependency), so a production install serves what was built before.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sources = path.join(root, 'widget', 'src');
export const widgetScript = path.join(root, 'widget', 'dist', 'widget.js');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function staleness(): string | null {
  if (!existsSync(widgetScript)) return 'widget/dist/widget.js is missing';
  return newest(sources) > statSync(widgetScript).mtimeMs ? 'widget/src changed since the last build' : null;
}

/** Builds when stale; returns false when it had to and could not (no esbuild: a production install). */
export function ensureWidgetBuild({ quiet = false } = {}) {
  const reason = staleness();
  if (!reason) return true;
  let esbuild: typeof import('esbuild');
  try {
    esbuild = createRequire(import.meta.url)('esbuild');
  } catch {
    console.warn(
      `The chat widget is not built (${reason}) and esbuild is not installed: run \`npm install\`.`,
    );
    return false;
  }
  if (!quiet) console.log(`Building the chat widget: ${reason}…`);
  esbuild.buildSync({
    entryPoints: [path.join(sources, 'main.ts')],
    outfile: widgetScript,
    bundle: true,
    minify: true,
    // One classic script (an async <script> tag on any site), for browsers of the last few years.
    format: 'iife',
    target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
    legalComments: 'none',
    logLevel: quiet ? 'silent' : 'warning',
  });
  return true;
}
