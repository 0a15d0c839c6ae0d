import type { LoadOptions } from './load-options.js';

// A client's requests all go to one path with the same headers: the head is written out once,
// and each request adds only its body and that body's length.
export function requestSerialiser(o: LoadOptions, path: string): (body: string | undefined) => string {
  const lines = [
    `${o.method} ${path} HTTP/1.1`,
    `host: ${o.host}:${o.port}`,
    ...Object.entries(o.headers).map(([name, value]) => `${name}: ${value}`),
  ];
  // A line break inside a line would start a header (or a request) nobody asked for.
  if (lines.some((line) => /[\r\n]/.test(line))) throw new Error('line break in a request line or header');
  const head = lines.join('\r\n') + '\r\n';
  return (body) =>
    body === undefined ? `${head}\r\n` : `${head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}
