import sanitizeHtml from 'sanitize-html';

// An allow-list: what is not named here is dropped. No script, style or form elements, no event
// handler or style attributes (CSS can run expressions in old engines and position phishing
// overlays), links only to http(s)/mailto, and images only from the mail itself (cid:). A remote
// image would tell the sender when and where the mail was read, so its address is kept aside in
// data-remote-src for the reader to load on request.
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'a',
    'abbr',
    'b',
    'blockquote',
    'br',
    'caption',
    'code',
    'col',
    'colgroup',
    'dd',
    'del',
    'div',
    'dl',
    'dt',
    'em',
    'font',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'i',
    'img',
    'ins',
    'li',
    'ol',
    'p',
    'pre',
    'q',
    's',
    'small',
    'span',
    'strike',
    'strong',
    'sub',
    'sup',
    'table',
    'tbody',
    'td',
    'tfoot',
    'th',
    'thead',
    'tr',
    'u',
    'ul',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height', 'data-remote-src'],
    td: ['colspan', 'rowspan', 'align', 'valign'],
    th: ['colspan', 'rowspan', 'align', 'valign'],
    '*': ['dir', 'lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['cid'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text inside these is dropped with the element, not shown as text.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'noscript',
    'title',
    'head',
    'svg',
    'math',
    'template',
    'iframe',
    'object',
  ],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' },
    }),
    img: (tagName, attribs) => {
      const src = attribs.src?.trim() ?? '';
      if (/^https?:\/\//i.test(src)) {
        const { src: _remote, ...rest } = attribs;
        return { tagName, attribs: { ...rest, 'data-remote-src': src } };
      }
      const { 'data-remote-src': _spoofed, ...rest } = attribs;
      return { tagName, attribs: rest };
    },
  },
};
export const sanitizeEmailHtml = (html: string): string => sanitizeHtml(html, options);

// For a mail with only HTML: its text, for the conversation and the quality engine.
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|tr|li|h[1-6]|blockquote|table)\s*>/gi, '\n');
  const bare = sanitizeHtml(withBreaks, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: options.nonTextTags,
  });
  return decodeEntities(bare)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const named: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '';
    }
    return named[name.toLowerCase()] ?? whole;
  });
}
