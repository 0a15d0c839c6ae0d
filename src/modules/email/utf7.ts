/**
 * UTF-7 (RFC 2152), which TextDecoder does not know: ASCII as itself, `+-` for a plus, and any
 * other run of characters as `+`, their UTF-16 code units in base64, then an optional `-`.
 */
export function decodeUtf7(text: string): string {
  return text.replace(/\+([A-Za-z0-9+/]*)-?/g, (match, encoded: string) => {
    if (!encoded) return match === '+-' ? '+' : match;
    const bytes = Buffer.from(encoded, 'base64');
    let decoded = '';
    for (let i = 0; i + 1 < bytes.length; i += 2)
      decoded += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return decoded;
  });
}

export const isUtf7 = (charset: string) => /^(?:x-)?(?:unicode-(?:1-1|2-0)-)?utf-7$/i.test(charset);
