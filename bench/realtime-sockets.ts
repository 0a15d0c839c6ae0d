import WebSocket from 'ws';

// Runs in its own process: holds the sockets the realtime bench fans out to, so that reading
// thousands of frames does not share the server's event loop. Told which sockets to open, it
// reports once every one is ready, then records, for each frame, the time from the write (a
// visitor's message frame carries the message's own time, a staff frame its event's) to its
// arrival, until asked for the figures.

export type SocketSpec = { url: string; headers?: Record<string, string>; label: string };
export type SocketsRequest = { sockets: SocketSpec[] };
export type SocketsFigures = Record<
  string,
  { sockets: number; frames: number; messageFrames: number; latenciesMs: number[] }
>;
type Message = { start: SocketsRequest } | { report: true };

const byLabel: SocketsFigures = {};
const open: WebSocket[] = [];

function connect(spec: SocketSpec): Promise<void> {
  const figures = (byLabel[spec.label] ??= { sockets: 0, frames: 0, messageFrames: 0, latenciesMs: [] });
  figures.sockets++;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(spec.url, { headers: spec.headers ?? {} });
    open.push(socket);
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.on('message', (raw) => {
      const arrived = Date.now();
      const frame = JSON.parse(String(raw)) as { type: string; at?: string; data?: { createdAt?: string } };
      const written = frame.type === 'message' ? (frame.data?.createdAt ?? frame.at) : frame.at;
      if (frame.type === 'ready' || !written) return;
      figures.frames++;
      if (frame.type === 'message' || frame.type === 'conversation.message_added') figures.messageFrames++;
      figures.latenciesMs.push(arrived - Date.parse(written));
    });
  });
}

process.on('message', (message: Message) => {
  if ('start' in message) {
    // A few hundred at a time: a burst of thousands of upgrades only measures the listen backlog.
    void (async () => {
      const specs = message.start.sockets;
      for (let i = 0; i < specs.length; i += 200) await Promise.all(specs.slice(i, i + 200).map(connect));
      process.send!({ ready: open.length });
    })().catch((error: Error) => process.send!({ error: error.message }));
  } else {
    process.send!({ figures: byLabel });
    for (const socket of open) socket.terminate();
    process.disconnect();
  }
});
