import { errorCatalogue } from '../errors.js';

// A constant, so the Content-Security-Policy names it by hash.
export const problemsStyle =
  'body{font:15px/1.5 system-ui,sans-serif;max-width:860px;margin:32px auto;padding:0 16px}td,th{padding:4px 12px;text-align:left;border-bottom:1px solid #eee}:target{background:#fff5c2}';

// The `type` of every problem answer points here, so a developer who meets a code can look it up.
export function problemsPage(): string {
  const rows = [...errorCatalogue()]
    .map(([code, { status, title }]) => {
      const anchor = code.toLowerCase().replaceAll('_', '-');
      return `<tr id="${anchor}"><td><code>${code}</code></td><td>${status}</td><td>${title}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Earshot problem codes</title>
<style>${problemsStyle}</style>
</head><body><h1>Problem codes</h1><p>Every error answer of the Earshot API is an RFC 9457 problem document:
<code>type</code>, <code>title</code>, <code>status</code>, a stable <code>code</code>, a <code>detail</code> for this occurrence,
the <code>requestId</code> to quote to an administrator, and <code>invalid_params</code> naming each bad field.</p>
<table><tr><th>code</th><th>status</th><th>meaning</th></tr>${rows}</table></body></html>`;
}
