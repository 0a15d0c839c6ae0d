import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

// Servers on loopback for the load generator's tests: node:http's own, so the generator is tested
// against the bytes a real server writes, and a bare TCP one for what node:http will not send.

export type Loopback = { port: number; connections: () => number; close(): Promise<void> };

async function listen(server: net.Server): Promise<Loopback> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    connections++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const httpServerOnLoopback = (handler: http.RequestListener) => listen(http.createServer(handler));

export const tcpServerOnLoopback = (onConnection: (socket: net.Socket) => void) =>
  listen(net.createServer(onConnection));

/** Everything a server sends back for the given bytes, until it closes the connection. */
export function exchange(port: number, request: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.end(request));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks)));
  });
}
