import { chmodSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import { AppError } from '../../errors.js';
import { ensurePrivateDir } from '../data-paths.js';
import {
  encode,
  failure,
  MAX_REQUEST_BYTES,
  parseRequest,
  type AdminRequest,
  type AdminResponse,
} from './protocol.js';

export type AdminServer = { readonly socketPath: string; close(): Promise<void> };

// The server side of the local admin socket: while the server holds the embedded database,
// CLI commands run here, on the server's own handle. Reachable only by this machine's user:
// the socket is 0600 inside a 0700 folder.
export async function startAdminServer(options: {
  socketPath: string;
  execute: (request: AdminRequest) => Promise<unknown>;
  /** The HTTP address, once the server listens. */
  serverUrl: () => string | undefined;
  logger: Logger;
}): Promise<AdminServer> {
  const { socketPath, execute, logger } = options;
  ensurePrivateDir(path.dirname(socketPath));
  // Whoever calls this holds the data folder's lock, so a socket file here is a crashed server's.
  rmSync(socketPath, { force: true });

  const inFlight = new Set<Promise<void>>();
  const connections = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    socket.on('error', () => undefined);
    readLine(socket, (line) => {
      const work = answer(line).then((response) => {
        if (!socket.destroyed) socket.end(encode(response));
      });
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    });
  });

  async function answer(line: string | Error): Promise<AdminResponse> {
    try {
      if (line instanceof Error) throw line;
      const request = parseRequest(line);
      logger.info({ command: request.command }, 'admin command');
      return { ok: true, result: await execute(request), serverUrl: options.serverUrl() };
    } catch (err) {
      if (err instanceof AppError) return failure(err);
      logger.error({ err }, 'admin command failed');
      // Only this machine's user can ask, so the real reason is more use to them than a mask.
      return failure(
        new AppError('INTERNAL', { message: err instanceof Error ? err.message : String(err), cause: err }),
      );
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(socketPath, 0o600);

  return {
    socketPath,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A command already running (a demo load, say) finishes before the database closes.
      await Promise.allSettled([...inFlight]);
      for (const socket of connections) socket.destroy();
      await closed;
      rmSync(socketPath, { force: true });
    },
  };
}

function readLine(socket: net.Socket, onLine: (line: string | Error) => void): void {
  let buffered = '';
  let done = false;
  const finish = (value: string | Error) => {
    if (done) return;
    done = true;
    socket.off('data', onData);
    onLine(value);
  };
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const end = buffered.indexOf('\n');
    if (end >= 0) finish(buffered.slice(0, end));
    else if (buffered.length > MAX_REQUEST_BYTES) {
      finish(
        new AppError('PAYLOAD_TOO_LARGE', {
          message: `Admin requests are limited to ${MAX_REQUEST_BYTES} bytes`,
        }),
      );
    }
  };
  socket.on('data', onData);
  socket.on('end', () => {
    if (!done && buffered.trim()) finish(buffered);
  });
}
