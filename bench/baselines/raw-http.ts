import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer, MESSAGE_BODY, type LoadTarget } from '../api-bench.js';

// The ceiling for this machine and this load generator: a server that reads the same request
// body and answers 201 without doing any work. The API's rate is read against this figure.
export async function startRawHttpTarget(): Promise<{ target: LoadTarget; close(): Promise<void> }> {
  const reply = JSON.stringify({ ok: true });
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(reply) });
      res.end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    target: {
      host: '127.0.0.1',
      port,
      method: 'POST',
      paths: ['/api/v1/conversations/hello/messages'],
      headers: { 'content-type': 'application/json' },
      body: MESSAGE_BODY,
      expectStatus: 201,
    },
    close: () => closeServer(server),
  };
}
