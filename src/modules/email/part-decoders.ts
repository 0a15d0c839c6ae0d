/**
 * Transfer decoding of a part's body a line at a time, into a sink, byte for byte as postal-mime
 * decodes it (its decoders keep the whole part; these keep nothing): a file decoded here has the
 * hash and size the parser would have given it.
 */
export type PartDecoder = {
  line(bytes: Buffer, lineBreak: Buffer): Promise<void>;
  /** `boundaryEnded`: a multipart boundary ended the part and owns the last line break. */
  finish(boundaryEnded: boolean): Promise<void>;
};
type Sink = (bytes: Uint8Array) => Promise<void>;

const isWsp = (c: number | undefined) => c === 0x20 || c === 0x09;

/** One base64 unit: padding carries nothing, and a lone last character is a truncated group. */
function decodeUnit(unit: string) {
  let length = unit.length;
  while (length > 0 && unit.charCodeAt(length - 1) === 0x3d) length--;
  if (length % 4 === 1) length--;
  return Buffer.from(unit.slice(0, length), 'base64');
}

const flushAt = 100 * 1024;

export function base64Decoder(sink: Sink): PartDecoder {
  let remainder = '';
  const push = async (unit: string) => {
    if (unit.length) await sink(decodeUnit(unit));
  };
  return {
    async line(bytes) {
      const text = bytes.toString('latin1').replace(/[^a-zA-Z0-9+/=]+/g, '');
      // Each `=` ends a unit (some mailers pad every line); what follows starts a new one.
      let start = 0;
      for (let end = text.indexOf('=', start); end >= 0; end = text.indexOf('=', start)) {
        await push(remainder + text.substring(start, end));
        remainder = '';
        start = end + 1;
      }
      remainder += text.substring(start);
      if (remainder.length >= flushAt) {
        const aligned = Math.floor(remainder.length / 4) * 4;
        await push(remainder.substring(0, aligned));
        remainder = remainder.substring(aligned);
      }
    },
    async finish() {
      await push(remainder);
      remainder = '';
    },
  };
}

const hexNibble = (c: number | undefined) =>
  c === undefined
    ? -1
    : c >= 0x30 && c <= 0x39
      ? c - 0x30
      : c >= 0x41 && c <= 0x46
        ? c - 0x37
        : c >= 0x61 && c <= 0x66
          ? c - 0x57
          : -1;

export function qpDecoder(sink: Sink): PartDecoder {
  // A hard line break is written once the next line comes: the one before a boundary is not content.
  let pendingBreak: Buffer | null = null;
  return {
    async line(bytes, lineBreak) {
      const out: number[] = [];
      if (pendingBreak) out.push(...pendingBreak);
      let length = bytes.length;
      // Trailing white space was added in transit (RFC 2045 6.7 rule 3).
      while (length > 0 && isWsp(bytes[length - 1])) length--;
      const softBreak = length > 0 && bytes[length - 1] === 0x3d;
      if (softBreak) length--;
      for (let i = 0; i < length; i++) {
        const high = bytes[i] === 0x3d && i + 2 < length ? hexNibble(bytes[i + 1]) : -1;
        const low = high >= 0 ? hexNibble(bytes[i + 2]) : -1;
        if (low >= 0) {
          out.push((high << 4) | low);
          i += 2;
        } else {
          out.push(bytes[i]!);
        }
      }
      pendingBreak = softBreak ? null : lineBreak;
      await sink(Uint8Array.from(out));
    },
    async finish(boundaryEnded) {
      if (!boundaryEnded && pendingBreak) await sink(pendingBreak);
    },
  };
}

export function passThroughDecoder(sink: Sink): PartDecoder {
  let pendingBreak: Buffer | null = null;
  return {
    async line(bytes, lineBreak) {
      if (pendingBreak) await sink(pendingBreak);
      await sink(bytes);
      pendingBreak = lineBreak;
    },
    async finish(boundaryEnded) {
      if (!boundaryEnded && pendingBreak) await sink(pendingBreak);
    },
  };
}
