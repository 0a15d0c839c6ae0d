// What windows-1252 puts at 0x80–0x9F (the WHATWG encoding standard's table; the five bytes it
// leaves undefined are missing). Node 20's TextDecoder decodes windows-1252, and the labels that
// mean it (iso-8859-1, us-ascii…), as Latin-1 there, giving C1 control characters where Outlook's
// mail has curly quotes, dashes and the euro sign.
const c1 = new Map(
  Object.entries({
    0x80: '€',
    0x82: '‚',
    0x83: 'ƒ',
    0x84: '„',
    0x85: '…',
    0x86: '†',
    0x87: '‡',
    0x88: 'ˆ',
    0x89: '‰',
    0x8a: 'Š',
    0x8b: '‹',
    0x8c: 'Œ',
    0x8e: 'Ž',
    0x91: '‘',
    0x92: '’',
    0x93: '“',
    0x94: '”',
    0x95: '•',
    0x96: '–',
    0x97: '—',
    0x98: '˜',
    0x99: '™',
    0x9a: 'š',
    0x9b: '›',
    0x9c: 'œ',
    0x9e: 'ž',
    0x9f: 'Ÿ',
  }).map(([code, char]) => [String.fromCharCode(Number(code)), char]),
);

/**
 * Text decoded from mail with C1 control characters read as windows-1252. No mail means a C1
 * control (they are not text), so wherever one appears the mail's bytes were windows-1252.
 */
export const fixWindows1252 = (text: string) => text.replace(/[\u0080-\u009f]/g, (ch) => c1.get(ch) ?? ch);
