import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * The agents' web app (web/dist, built by Vite) at `/`, on the API's port, answering what no route
 * answered — so a route added later (a module's, or one attached to the server) always comes
 * first. A path that names a built file gets that file; any other GET outside /api is a screen of
 * the single-page app and gets index.html, which routes in the browser. /api paths are never
 * answered here, so an unknown API path stays a 404 problem. Without a build, `/` still sends
 * people to the API reference. Null when the request is not the web app's.
 */
export function webAppFallback(root: string | undefined) {
  return async (c: Context<AppEnv>): Promise<Response | null> => {
    const { method, path: urlPath } = c.req;
    if ((method !== 'GET' && method !== 'HEAD') || urlPath === '/api' || urlPath.startsWith('/api/')) {
      return null;
    }
    const file = root ? await builtFile(root, urlPath) : null;
    // An asset a newer build removed is missing, not a screen: a page would not run HTML as script.
    const served =
      file ?? (root && !urlPath.startsWith('/assets/') ? await builtFile(root, '/index.html') : null);
    if (!served) return urlPath === '/' ? c.redirect('/api/v1/docs') : null;
    // Vite names each asset by its content hash, so a browser may keep one for good; the page that
    // names them must be asked for again, or an old page would ask for assets a new build removed.
    const hashed = served.name.includes(`${path.sep}assets${path.sep}`);
    c.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    c.header('content-type', types[path.extname(served.name)] ?? 'application/octet-stream');
    // Hono answers HEAD through GET and drops the body itself.
    return c.body(new Uint8Array(served.body), 200);
  };
}

async function builtFile(root: string, urlPath: string) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // Resolved inside the build folder only: `..` and absolute paths never leave it.
  const name = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (!name.startsWith(root + path.sep)) return null;
  const info = await stat(name).catch(() => null);
  if (!info?.isFile()) return null;
  return { name, body: await readFile(name) };
}
