import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { KeepAliveConnection, type Answer } from './keep-alive-connection.js';
import { httpServerOnLoopback, tcpServerOnLoopback, type Loopback } from './loopback-servers.js';
import { requestSerialiser } from './serialise-request.js';

const open: Loopback[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function track(server: Promise<Loopback>) {
  open.push(await server);
  return open.at(-1)!;
}

function connectTo(server: Loopback) {
  const idleErrors: string[] = [];
  const connection = new KeepAliveConnection('127.0.0.1', server.port, (e) => idleErrors.push(e));
  const request = requestSerialiser(
    {
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      paths: [],
      headers: { 'content-type': 'application/json' },
      connections: 1,
      warmupMs: 0,
      durationMs: 0,
      maxRequests: 0,
      expectStatus: 201,
    },
    '/things',
  );
  return { connection, idleErrors, send: (body: string) => connection.send(request(body)) };
}

const statusOf = (a: Answer) => ('error' in a ? a.error : a.status);
const bodyOf = (a: Answer) => ('error' in a ? a.error : a.bodyStart.toString());

// A node:http server that answers each request with its own body, as the handler shapes it.
const echo = (answer: (res: import('node:http').ServerResponse, body: string) => void) =>
  httpServerOnLoopback((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (piece: string) => (body += piece));
    req.on('end', () => answer(res, body));
  });

describe('KeepAliveConnection', () => {
  it('sends every request on one connection, each with its own body and length', async () => {
    const server = await track(
      echo((res, body) => {
        res.writeHead(201, { 'content-length': Buffer.byteLength(body) });
        res.end(body);
      }),
    );
    const { connection, idleErrors, send } = connectTo(server);
    for (let n = 1; n <= 20; n++) {
      const body = JSON.stringify({ text: `message ${n} ✓`.repeat(n) });
      const answer = await send(body);
      expect([statusOf(answer), bodyOf(answer)]).toEqual([201, body]);
    }
    connection.close();
    expect(server.connections()).toBe(1);
    expect(idleErrors).toEqual([]);
  });

  it('reads a chunked body that arrives in several pieces', async () => {
    const server = await track(
      echo(async (res, body) => {
        res.writeHead(201, { 'content-type': 'text/plain' });
        for (const piece of ['one ', 'two ', body]) {
          res.write(piece);
          await sleep(15);
        }
        res.end();
      }),
    );
    const { connection, idleErrors, send } = connectTo(server);
    for (const body of ['a', 'b']) expect(bodyOf(await send(body))).toBe(`one two ${body}`);
    connection.close();
    expect(server.connections()).toBe(1);
    expect(idleErrors).toEqual([]);
  });

  it('opens a new connection after the server answers with Connection: close', async () => {
    const server = await track(
      echo((res, body) => {
        res.writeHead(201, { connection: 'close', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      }),
    );
    const { connection, idleErrors, send } = connectTo(server);
    for (let n = 1; n <= 5; n++) expect(bodyOf(await send(`request ${n}`))).toBe(`request ${n}`);
    connection.close();
    expect(server.connections()).toBe(5);
    expect(idleErrors).toEqual([]);
  });

  it('answers with the status and body of a wrong status', async () => {
    const server = await track(
      echo((res) => {
        res.writeHead(422, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'text is required' }));
      }),
    );
    const { connection, send } = connectTo(server);
    const answer = await send('{}');
    expect([statusOf(answer), bodyOf(answer)]).toEqual([422, '{"error":"text is required"}']);
    connection.close();
  });

  it('answers a request whose connection is lost with the error, and goes on on a new one', async () => {
    let n = 0;
    const server = await track(
      echo((res, body) => {
        // The second request loses its connection half-way through the answer.
        if (++n === 2) {
          res.writeHead(201, { 'content-length': 100 });
          res.write('partial');
          setTimeout(() => res.socket!.destroy(), 10);
          return;
        }
        res.writeHead(201, { 'content-length': Buffer.byteLength(body) });
        res.end(body);
      }),
    );
    const { connection, idleErrors, send } = connectTo(server);
    expect(bodyOf(await send('first'))).toBe('first');
    // The server's close (or, should the kernel reset it instead, the reset) loses it.
    expect(statusOf(await send('second'))).toMatch(/closed mid-response|ECONNRESET/);
    expect(bodyOf(await send('third'))).toBe('third');
    connection.close();
    expect(server.connections()).toBe(2);
    expect(idleErrors).toEqual([]);
  });

  it('counts a refused connection as an error', async () => {
    const server = await track(echo(() => undefined));
    const port = server.port;
    await open.pop()!.close();
    const connection = new KeepAliveConnection('127.0.0.1', port, () => undefined);
    const answer = await connection.send('GET / HTTP/1.1\r\n\r\n');
    expect(statusOf(answer)).toMatch(/^connection error: .*ECONNREFUSED/);
  });

  it('reports bytes the server sends unasked, and drops that connection', async () => {
    // A broken server: two responses to every request.
    const server = await track(
      tcpServerOnLoopback((socket) =>
        socket.on('data', () =>
          socket.write(
            'HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n',
          ),
        ),
      ),
    );
    const { connection, idleErrors, send } = connectTo(server);
    expect(bodyOf(await send('x'))).toBe('ok');
    expect(idleErrors).toEqual(['protocol error: a response with no request in flight']);
    expect(bodyOf(await send('y'))).toBe('ok');
    connection.close();
    expect(server.connections()).toBe(2);
  });

  it('answers a request in flight when the connection is closed under it', async () => {
    const server = await track(echo(() => undefined));
    const { connection, send } = connectTo(server);
    const answer = send('never answered');
    await sleep(20);
    connection.close('abandoned at the deadline');
    expect(await answer).toEqual({ error: 'connection error: abandoned at the deadline' });
  });
});
