export type MailLine = {
  /** The line without its line break. */
  bytes: Buffer;
  /** The CR and LF bytes that ended it (a lone LF for a last line that had none). */
  lineBreak: Buffer;
  /** The line exactly as it was in the mail. */
  raw: Buffer;
  /** Whether the line is past the end of the top-level header, as bodyOffset places it. */
  afterHeader: boolean;
};

const lineFeed = Buffer.from('\n');

/** Where a line's content ends: trailing CR and LF bytes are its line break, as postal-mime reads. */
function contentEnd(raw: Buffer) {
  let end = raw.length;
  while (end > 0 && (raw[end - 1] === 0x0a || raw[end - 1] === 0x0d)) end--;
  return end;
}

/**
 * A mail's lines, read from its bytes as they arrive: only the line being read is held (a
 * pathological mail with no line break at all is the one case where that is all of it).
 */
export async function* mailLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<MailLine> {
  let carry = Buffer.alloc(0);
  let previous: Buffer | null = null;
  let inBody = false;
  const line = (raw: Buffer, last: boolean): MailLine => {
    const end = contentEnd(raw);
    const afterHeader = inBody;
    // The first "\n\n" or "\r\n\r\n" ends the header: bodyOffset, read a line at a time.
    if (
      !inBody &&
      previous &&
      (raw.equals(lineFeed) ||
        (raw.length === 2 && raw[0] === 0x0d && raw[1] === 0x0a && previous.at(-2) === 0x0d))
    ) {
      inBody = true;
    }
    previous = raw;
    return {
      bytes: raw.subarray(0, end),
      lineBreak: last && raw[raw.length - 1] !== 0x0a ? lineFeed : raw.subarray(end),
      raw,
      afterHeader,
    };
  };
  for await (const chunk of chunks) {
    const bytes = carry.length
      ? Buffer.concat([carry, chunk])
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = bytes.indexOf(0x0a); nl >= 0; nl = bytes.indexOf(0x0a, start)) {
      yield line(bytes.subarray(start, nl + 1), false);
      start = nl + 1;
    }
    carry = Buffer.from(bytes.subarray(start));
  }
  if (carry.length) yield line(carry, true);
}
