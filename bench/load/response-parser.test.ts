import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange, httpServerOnLoopback, tcpServerOnLoopback, type Loopback } from './loopback-servers.js';
import { ProtocolError, ResponseParser, type ParsedResponse } from './response-parser.js';

// The bytes come from a real node:http server on loopback; the parser is then fed them cut in
// every way a socket could cut them.

const JSON_REPLY = JSON.stringify({ ok: true, text: 'déjà vu — ✓' });
const PIECES = ['{"first":', '"part", "second": "ünïcödé"', ', "third": [1, 2, 3]}'];
const LONG = 'x'.repeat(5000);

let server: Loopback;
beforeAll(async () => {
  server = await httpServerOnLoopback((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/json') {
        res.writeHead(201, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(JSON_REPLY),
        });
        res.end(JSON_REPLY);
      } else if (req.url === '/chunked') {
        // No length given: node:http sends the pieces as chunks.
        res.writeHead(200, { 'content-type': 'application/json' });
        for (const piece of PIECES) res.write(piece);
        res.end();
      } else if (req.url === '/empty') {
        res.writeHead(204);
        res.end();
      } else if (req.url === '/long') {
        res.writeHead(500);
        res.end(LONG);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('no such thing');
      }
    });
  });
});
afterAll(() => server.close());

const get = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${extra}\r\n`;

function parseAll(pieces: Buffer[]): ParsedResponse[] {
  const responses: ParsedResponse[] = [];
  const parser = new ResponseParser((r) => responses.push(r));
  for (const piece of pieces) parser.push(piece);
  parser.end();
  return responses;
}

// The stream whole, byte by byte, and cut in two at every place.
function everyCut(bytes: Buffer): Buffer[][] {
  const cuts = [[bytes], [...bytes].map((b) => Buffer.from([b]))];
  for (let i = 1; i < bytes.length; i++) cuts.push([bytes.subarray(0, i), bytes.subarray(i)]);
  return cuts;
}

const summary = (r: ParsedResponse) => ({
  status: r.status,
  body: r.bodyStart.toString(),
  bodyLength: r.bodyLength,
  close: r.close,
});

describe('ResponseParser', () => {
  it('reads a Content-Length response however the socket cuts it', async () => {
    const bytes = await exchange(server.port, get('/json', 'connection: close\r\n'));
    for (const pieces of everyCut(bytes))
      expect(parseAll(pieces).map(summary)).toEqual([
        { status: 201, body: JSON_REPLY, bodyLength: Buffer.byteLength(JSON_REPLY), close: true },
      ]);
  });

  it('decodes a chunked body however the socket cuts it', async () => {
    const bytes = await exchange(server.port, get('/chunked', 'connection: close\r\n'));
    expect(bytes.toString('latin1')).toMatch(/transfer-encoding: chunked/i);
    const body = PIECES.join('');
    for (const pieces of everyCut(bytes))
      expect(parseAll(pieces).map(summary)).toEqual([
        { status: 200, body, bodyLength: Buffer.byteLength(body), close: true },
      ]);
  });

  it('reads keep-alive responses one after another, several in one piece too', async () => {
    // Pipelined: the server answers in order on one connection, closing after the last.
    const bytes = await exchange(
      server.port,
      get('/json') +
        get('/chunked') +
        get('/empty') +
        get('/missing') +
        get('/json', 'connection: close\r\n'),
    );
    for (const pieces of [[bytes], [...bytes].map((b) => Buffer.from([b]))])
      expect(parseAll(pieces).map((r) => [r.status, r.bodyStart.toString(), r.close])).toEqual([
        [201, JSON_REPLY, false],
        [200, PIECES.join(''), false],
        [204, '', false],
        [404, 'no such thing', false],
        [201, JSON_REPLY, true],
      ]);
  });

  it('keeps only the start of a long body, and counts all of it', async () => {
    const bytes = await exchange(server.port, get('/long', 'connection: close\r\n'));
    const [response] = parseAll([bytes]);
    expect(response!.status).toBe(500);
    expect(response!.bodyLength).toBe(LONG.length);
    expect(response!.bodyStart.toString()).toBe(LONG.slice(0, 1200));
  });

  it('reads a body that runs until the server closes', async () => {
    const bare = await tcpServerOnLoopback((socket) =>
      socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\nall of it')),
    );
    try {
      const bytes = await exchange(bare.port, get('/'));
      for (const pieces of everyCut(bytes))
        expect(parseAll(pieces).map(summary)).toEqual([
          { status: 200, body: 'all of it', bodyLength: 9, close: true },
        ]);
    } finally {
      await bare.close();
    }
  });

  it('skips an interim 100 Continue and reads HTTP/1.0 as closing unless kept alive', () => {
    const responses = parseAll([
      Buffer.from('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi'),
    ]);
    expect(responses.map(summary)).toEqual([{ status: 200, body: 'hi', bodyLength: 2, close: true }]);
    const kept = parseAll([
      Buffer.from('HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n'),
    ]);
    expect(kept.map((r) => r.close)).toEqual([false]);
  });

  it('rejects what is not HTTP/1.1, and a stream cut mid-response', () => {
    const bad = [
      'HTTP/2 200\r\n\r\n',
      'HTTP/1.1 200 OK\r\nno colon here\r\n\r\n',
      'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n',
      'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n',
      'HTTP/1.1 200 OK\r\n',
    ];
    for (const text of bad) expect(() => parseAll([Buffer.from(text)]), text).toThrow(ProtocolError);
  });
});
