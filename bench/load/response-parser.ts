// Reads HTTP/1.1 responses off a byte stream, as they arrive in whatever pieces the socket gives:
// just enough to be exact about where each response ends (status line, headers up to the blank
// line, then a Content-Length body, a chunked one, or one that runs until the server closes).
// The load generator needs no more than the status, and the body's start for an error sample.

export type ParsedResponse = {
  status: number;
  /** The body's first bytes (at most BODY_KEPT; a chunked body decoded): enough for an error sample. */
  bodyStart: Buffer;
  /** The whole body's length, decoded. */
  bodyLength: number;
  /** The server closes the connection after this response. */
  close: boolean;
};

export class ProtocolError extends Error {}

// 300 characters of UTF-8 never take more than 1,200 bytes.
const BODY_KEPT = 1200;
const MAX_HEAD = 64 * 1024;
const MAX_LINE = 4 * 1024;

type State = 'head' | 'fixed' | 'until-close' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers';

export class ResponseParser {
  private state: State = 'head';
  // The start of a head or a line the last piece cut short.
  private pending: Buffer | null = null;
  // Bytes left of a Content-Length body, or of the current chunk.
  private remaining = 0;
  private status = 0;
  private close = false;
  private kept: Buffer[] = [];
  private keptBytes = 0;
  private bodyLength = 0;

  constructor(private readonly onResponse: (response: ParsedResponse) => void) {}

  /** Reads the next piece of the stream; throws a ProtocolError on what is not HTTP/1.1. */
  push(chunk: Buffer): void {
    const data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    let at = 0;
    while (at < data.length) {
      switch (this.state) {
        case 'head': {
          const end = data.indexOf('\r\n\r\n', at, 'latin1');
          if (end === -1) return this.keepPending(data, at, MAX_HEAD, 'response head');
          this.readHead(data.toString('latin1', at, end));
          at = end + 4;
          break;
        }
        case 'until-close':
          this.readBody(data, at, data.length);
          at = data.length;
          break;
        case 'fixed':
        case 'chunk-data': {
          const to = Math.min(data.length, at + this.remaining);
          this.readBody(data, at, to);
          this.remaining -= to - at;
          at = to;
          if (this.remaining > 0) break;
          if (this.state === 'fixed') this.complete();
          else this.state = 'chunk-end';
          break;
        }
        default: {
          const end = data.indexOf('\r\n', at, 'latin1');
          if (end === -1) return this.keepPending(data, at, MAX_LINE, 'chunk line');
          this.readChunkLine(data.toString('latin1', at, end));
          at = end + 2;
        }
      }
    }
  }

  /** The server closed the connection: that ends a body read until the close; any other unfinished response is an error. */
  end(): void {
    if (this.state === 'until-close') this.complete();
    else if (this.state !== 'head' || this.pending) throw new ProtocolError('connection closed mid-response');
  }

  private keepPending(data: Buffer, at: number, limit: number, what: string): void {
    if (data.length - at > limit) throw new ProtocolError(`${what} longer than ${limit} bytes`);
    this.pending = data.subarray(at);
  }

  private readHead(head: string): void {
    const lines = head.split('\r\n');
    const statusLine = /^HTTP\/1\.([01]) ([1-9]\d\d)(?: |$)/.exec(lines[0]!);
    if (!statusLine)
      throw new ProtocolError(`malformed status line ${JSON.stringify(lines[0]!.slice(0, 80))}`);
    let length: number | null = null;
    let transferCodings = '';
    let connection = '';
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const colon = line.indexOf(':');
      if (colon <= 0) throw new ProtocolError(`malformed header line ${JSON.stringify(line.slice(0, 80))}`);
      const name = line.slice(0, colon).toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-length') {
        if (!/^\d{1,15}$/.test(value) || (length !== null && length !== Number(value)))
          throw new ProtocolError(`bad content-length ${JSON.stringify(value)}`);
        length = Number(value);
      } else if (name === 'transfer-encoding') transferCodings += `,${value}`;
      else if (name === 'connection') connection += `,${value}`;
    }
    const status = Number(statusLine[2]);
    // An interim answer (100 Continue and the like): the real one follows.
    if (status < 200) return;
    const options = connection ? tokens(connection) : [];
    this.status = status;
    this.close = statusLine[1] === '0' ? !options.includes('keep-alive') : options.includes('close');
    this.kept = [];
    this.keptBytes = 0;
    this.bodyLength = 0;
    // How the body ends, in the order RFC 9112 (section 6.3) gives.
    if (status === 204 || status === 304) this.complete();
    else if (transferCodings) {
      // Transfer-Encoding overrides Content-Length; a body whose last coding is not chunked runs to the close.
      if (tokens(transferCodings).at(-1) === 'chunked') this.state = 'chunk-size';
      else this.untilClose();
    } else if (length === 0) this.complete();
    else if (length !== null) {
      this.state = 'fixed';
      this.remaining = length;
    } else this.untilClose();
  }

  private untilClose(): void {
    this.state = 'until-close';
    this.close = true;
  }

  private readChunkLine(line: string): void {
    if (this.state === 'chunk-size') {
      // Hexadecimal size, then perhaps extensions, which mean nothing here.
      const size = /^([0-9a-fA-F]{1,12})[ \t]*(?:;.*)?$/.exec(line);
      if (!size) throw new ProtocolError(`malformed chunk size ${JSON.stringify(line.slice(0, 80))}`);
      this.remaining = parseInt(size[1]!, 16);
      this.state = this.remaining === 0 ? 'trailers' : 'chunk-data';
    } else if (this.state === 'chunk-end') {
      if (line !== '') throw new ProtocolError('chunk longer than its size');
      this.state = 'chunk-size';
    } else if (line === '') this.complete(); // The blank line after the trailer fields (usually none).
  }

  private readBody(data: Buffer, from: number, to: number): void {
    this.bodyLength += to - from;
    if (this.keptBytes >= BODY_KEPT || to === from) return;
    const piece = data.subarray(from, Math.min(to, from + BODY_KEPT - this.keptBytes));
    this.kept.push(piece);
    this.keptBytes += piece.length;
  }

  private complete(): void {
    this.state = 'head';
    const kept = this.kept;
    this.onResponse({
      status: this.status,
      bodyStart: kept.length === 1 ? kept[0]! : Buffer.concat(kept),
      bodyLength: this.bodyLength,
      close: this.close,
    });
  }
}

// A header's comma-separated list, lower-cased (headers met twice were joined by commas).
const tokens = (list: string) =>
  list
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
