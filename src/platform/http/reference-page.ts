// A self-contained API reference: no CDN, so it works on an offline install. It renders the
// OpenAPI document grouped by tag, with each operation's parameters, body and responses.
// The page's inline style and script are constants, so the Content-Security-Policy names them by
// hash (see content-security-policy.ts) and no other inline code runs; the spec's address reaches
// the script through a data attribute.
export const referenceStyle = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f7f7f9}
header{background:#1d2330;color:#fff;padding:16px 32px}main{max-width:980px;margin:0 auto;padding:16px 32px}
h2{margin-top:32px;border-bottom:1px solid #ddd}details{background:#fff;border:1px solid #e3e3e8;border-radius:6px;margin:8px 0;padding:8px 12px}
summary{cursor:pointer}code,pre{font:13px ui-monospace,monospace}pre{background:#f1f1f4;padding:8px;overflow:auto;border-radius:4px}
.m{display:inline-block;min-width:76px;font-weight:700;text-transform:uppercase}.get{color:#1a7f37}.post{color:#0550ae}.patch,.put{color:#9a6700}.delete{color:#cf222e}
.spec{color:#9cf}
`;

export const referenceScript = `
const esc = (s) => String(s).replace(/[&<>"]/g, (ch) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[ch]));
function resolve(spec, schema) {
  if (schema && schema.$ref) return resolve(spec, spec.components.schemas[schema.$ref.split('/').pop()]);
  return schema;
}
function show(spec, schema, depth = 0) {
  schema = resolve(spec, schema);
  if (!schema || depth > 4) return '';
  if (schema.type === 'object' && schema.properties) {
    const req = new Set(schema.required || []);
    const out = {};
    for (const [k, v] of Object.entries(schema.properties)) out[k + (req.has(k) ? '' : '?')] = show(spec, v, depth + 1);
    return out;
  }
  if (schema.type === 'array') return [show(spec, schema.items, depth + 1)];
  if (schema.enum) return schema.enum.join(' | ');
  if (schema.anyOf || schema.oneOf) return (schema.anyOf || schema.oneOf).map((s) => JSON.stringify(show(spec, s, depth + 1))).join(' | ');
  return (schema.type || 'any') + (schema.format ? ' (' + schema.format + ')' : '');
}
fetch(document.getElementById('root').dataset.spec).then((r) => r.json()).then((spec) => {
  const byTag = {};
  for (const [path, ops] of Object.entries(spec.paths)) for (const [method, op] of Object.entries(ops)) {
    (byTag[(op.tags || ['Other'])[0]] ||= []).push({ path, method, op });
  }
  let html = '';
  for (const [tag, ops] of Object.entries(byTag)) {
    html += '<h2>' + esc(tag) + '</h2>';
    for (const { path, method, op } of ops) {
      html += '<details><summary><span class="m ' + method + '">' + method + '</span><code>' + esc(path) + '</code></summary>';
      const body = op.requestBody && op.requestBody.content['application/json'];
      if (op.parameters && op.parameters.length) html += '<p>Parameters: ' + op.parameters.map((p) => '<code>' + esc(p.name) + '</code> (' + p.in + ')').join(', ') + '</p>';
      if (body) html += '<p>Body</p><pre>' + esc(JSON.stringify(show(spec, body.schema), null, 2)) + '</pre>';
      for (const [status, res] of Object.entries(op.responses || {})) {
        const content = res.content && Object.values(res.content)[0];
        html += '<p><b>' + status + '</b> ' + esc(res.description || '') + '</p>';
        if (content && content.schema && status < 300) html += '<pre>' + esc(JSON.stringify(show(spec, content.schema), null, 2)) + '</pre>';
      }
      html += '</details>';
    }
  }
  document.getElementById('root').innerHTML = html;
});
`;

export function referencePage(specUrl: string): string {
  const attr = specUrl.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Earshot API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${referenceStyle}</style></head><body><header><h1>Earshot API</h1><p>Authenticate with <code>Authorization: Bearer &lt;api key&gt;</code> or the session cookie from <code>POST /auth/login</code>. Errors are RFC 9457 problem documents. Machine-readable: <a class="spec" href="${attr}">openapi.json</a></p></header>
<main id="root" data-spec="${attr}">Loading…</main>
<script>${referenceScript}</script></body></html>`;
}
