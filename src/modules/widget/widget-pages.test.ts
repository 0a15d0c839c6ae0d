import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWidgetBuild } from '../../../tools/web/ensure-widget-build.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

describe('the widget script and its demo page', () => {
  let t: TestApp;
  beforeAll(async () => {
    ensureWidgetBuild({ quiet: true });
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('serves /widget.js publicly as one cacheable script under 50 KB gzipped', async () => {
    const res = await t.app.request('/widget.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    // Host sites on other origins load it: the default same-origin resource policy would block it.
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const body = new Uint8Array(await res.arrayBuffer());
    const gzipped = gzipSync(body, { level: 9 }).length;
    console.log(`widget.js: ${body.length} bytes, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThan(50 * 1024);
    // No request elsewhere: the only absolute URLs are built from the script's own origin.
    expect(new TextDecoder().decode(body)).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);

    const again = await t.app.request('/widget.js', {
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('embeds the script on the demo page with the given key and identity, escaped, and no inline script', async () => {
    const res = await t.app.request('/widget/demo?key=wk_demo%22%3E&customerId=c-1&signature=abc&name=Dana');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await res.text();
    expect(page).toContain('src="/widget.js"');
    expect(page).toContain('data-workspace="wk_demo&quot;&gt;"');
    expect(page).toContain('data-customer-id="c-1"');
    expect(page).toContain('data-signature="abc"');
    expect(page).toContain('data-name="Dana"');
    expect(page).not.toContain('data-email=');
    expect(page.match(/<script(?![^>]*\ssrc=)/g)).toBeNull();
    expect(page).not.toMatch(/style=|<style/);
  });

  it('says on the demo page where the key comes from when none is given', async () => {
    const page = await (await t.app.request('/widget/demo')).text();
    expect(page).toContain('/api/v1/channels/widget');
    expect(page).toContain('<form method="get" action="/widget/demo">');
    expect(page).not.toContain('<script');
  });
});
