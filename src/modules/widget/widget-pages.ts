import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app-env.js';
import { widgetDemoPage } from './widget-demo-page.js';

// Built from widget/src by tools/web/ensure-widget-build.ts (npm start, the tests and CI run it).
const scriptFile = fileURLToPath(new URL('../../../widget/dist/widget.js', import.meta.url));

let cached: { mtimeMs: number; body: Uint8Array<ArrayBuffer>; etag: string } | null = null;

/** The built script, read again only when a new build replaced it. */
async function widgetScript() {
  const info = await stat(scriptFile).catch(() => null);
  if (!info) return null;
  if (cached?.mtimeMs !== info.mtimeMs) {
    const body = new Uint8Array(await readFile(scriptFile));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    cached = { mtimeMs: info.mtimeMs, body, etag };
  }
  return cached;
}

const field = z.string().trim().max(500).optional();
const demoQuery = z.object({ key: field, customerId: field, signature: field, name: field, email: field });

/*
 * What the widget serves to browsers rather than programs: the script any site embeds with one
 * tag, and a demo page that embeds it. Both are public.
 */
export function widgetPages() {
  const app = createRouter();

  app.get('/widget.js', async (c) => {
    const script = await widgetScript();
    if (!script) {
      return c.text('The chat widget is not built: run `npx tsx tools/web/ensure-web-build.ts`.', 503);
    }
    // The URL never changes between releases: browsers keep it five minutes, then ask again with
    // the ETag and usually get a 304. Other sites load it, so its resource policy allows them.
    c.header('cache-control', 'public, max-age=300');
    c.header('etag', script.etag);
    c.header('cross-origin-resource-policy', 'cross-origin');
    c.header('content-type', 'text/javascript; charset=utf-8');
    if (c.req.header('if-none-match') === script.etag) return c.body(null, 304);
    return c.body(script.body, 200);
  });

  app.get('/widget/demo', (c) => {
    const parsed = demoQuery.safeParse(c.req.query());
    const embed = parsed.success ? parsed.data : {};
    c.header('cache-control', 'no-store');
    return c.html(widgetDemoPage(new URL(c.req.url).origin, embed));
  });

  return app;
}
