import net from 'node:net';
import { isTrustedSocket } from '../data-paths.js';
import { errorFromProblem, encode, type AdminRequest, type AdminResponse } from './protocol.js';

export type Forwarded = { answered: false } | { answered: true; result: unknown; serverUrl?: string };

// Errors that mean "no server is listening here": the CLI then opens the folder itself.
const NOBODY_LISTENING = new Set(['ENOENT', 'ECONNREFUSED', 'ENOTSOCK', 'ECONNRESET', 'EACCES']);

// Sends one command to the running server. Only connecting has a deadline: a command such as
// loading the demo may rightly take a while once the server has it.
export function forwardToServer(
  socketPath: string,
  request: AdminRequest,
  options: { connectTimeoutMs?: number } = {},
): Promise<Forwarded> {
  try {
    if (!isTrustedSocket(socketPath)) return Promise.resolve({ answered: false });
  } catch (err) {
    return Promise.reject(err as Error);
  }
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    let connected = false;
    let response = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ answered: false });
    }, options.connectTimeoutMs ?? 2_000);

    socket.once('connect', () => {
      connected = true;
      clearTimeout(timer);
      socket.write(encode(request));
    });
    socket.on('data', (chunk) => (response += chunk.toString('utf8')));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (!connected && NOBODY_LISTENING.has(err.code ?? '')) resolve({ answered: false });
      else reject(new Error(`The running server's admin socket failed: ${err.message}`));
    });
    socket.on('close', () => {
      if (!connected) return;
      const line = response.trim();
      if (!line) {
        reject(new Error('The running server closed the admin connection without answering; see its log'));
        return;
      }
      try {
        const parsed = JSON.parse(line) as AdminResponse;
        if (parsed.ok) resolve({ answered: true, result: parsed.result, serverUrl: parsed.serverUrl });
        else reject(errorFromProblem(parsed.problem));
      } catch {
        reject(new Error('The running server answered the admin command with something that is not JSON'));
      }
    });
  });
}
