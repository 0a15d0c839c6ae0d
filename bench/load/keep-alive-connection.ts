import net from 'node:net';
import { ResponseParser, type ParsedResponse } from './response-parser.js';

export type Answer = ParsedResponse | { error: string };

// One client's HTTP/1.1 connection, one request in flight at a time, kept open between requests.
// A connection lost (an error, a close, a server that breaks the protocol) costs the request in
// flight, which is answered with the error; the next request opens a new connection. After a
// response the server marks Connection: close, the next request opens a new one as well.
export class KeepAliveConnection {
  private socket: net.Socket | null = null;
  private waiting: ((answer: Answer) => void) | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
    // What goes wrong while no request is in flight (bytes nobody asked for, say).
    private readonly onIdleError: (message: string) => void,
  ) {}

  /** Sends one serialised request, and answers with its response or with what lost it. */
  send(request: string): Promise<Answer> {
    if (this.waiting) throw new Error('a request is already in flight on this connection');
    const socket = this.socket ?? this.connect();
    return new Promise((resolve) => {
      this.waiting = resolve;
      socket.write(request);
    });
  }

  /** Closes the connection; a request in flight is answered with the reason. */
  close(reason?: string): void {
    this.socket?.destroy(reason === undefined ? undefined : new Error(reason));
  }

  private connect(): net.Socket {
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    const parser = new ResponseParser((response) => this.answer(socket, response));
    let failure: string | undefined;
    socket.on('data', (chunk: Buffer) => {
      try {
        parser.push(chunk);
      } catch (error) {
        this.lose(socket, `protocol error: ${(error as Error).message}`);
      }
    });
    socket.on('end', () => {
      try {
        parser.end();
      } catch (error) {
        failure = `protocol error: ${(error as Error).message}`;
      }
    });
    socket.on('error', (error) => (failure = `connection error: ${error.message}`));
    // A close between responses (a server's idle timeout) loses nothing: no error unless one was seen.
    socket.on('close', () => this.lose(socket, failure));
    this.socket = socket;
    return socket;
  }

  private answer(socket: net.Socket, response: ParsedResponse): void {
    if (socket !== this.socket) return;
    const waiting = this.waiting;
    if (!waiting) return this.lose(socket, 'protocol error: a response with no request in flight');
    this.waiting = null;
    if (response.close) this.forget(socket);
    waiting(response);
  }

  private lose(socket: net.Socket, failure: string | undefined): void {
    if (socket !== this.socket) return;
    this.forget(socket);
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting({ error: failure ?? 'connection closed' });
    else if (failure) this.onIdleError(failure);
  }

  private forget(socket: net.Socket): void {
    this.socket = null;
    socket.destroy();
  }
}
