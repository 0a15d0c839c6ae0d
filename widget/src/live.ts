import type { Message, Routing } from './types.js';

export type Frame =
  | { type: 'message'; data: Message & { conversationId: string } }
  | { type: 'routing'; data: { conversationId: string; routing: Routing } };

type Handlers = { frame(frame: Frame): void; opened(): void; dropped(): void };

/*
 * The visitor's live socket. It reconnects by itself (sooner when the browser says it is online
 * again); what arrived while it was down is fetched by the chat on `opened`, so a frame missed
 * here is never a message lost.
 */
export function createLive(origin: string, token: () => Promise<string>, on: Handlers) {
  let socket: WebSocket | null = null;
  let delay = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = true;

  async function connect() {
    clearTimeout(timer);
    if (stopped || socket) return;
    let current: string;
    try {
      current = await token();
    } catch {
      return retry();
    }
    // The token rides in the subprotocols rather than the URL, so no access log records it.
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/api/v1/widget/live`, [
      'earshot-visitor',
      current,
    ]);
    socket = ws;
    ws.onopen = () => {
      delay = 1000;
      on.opened();
    };
    ws.onmessage = (event) => {
      try {
        const frame = JSON.parse(String(event.data)) as Frame;
        if (frame.type === 'message' || frame.type === 'routing') on.frame(frame);
      } catch {
        // Not a frame of ours: ignored.
      }
    };
    ws.onclose = () => {
      if (socket === ws) socket = null;
      on.dropped();
      retry();
    };
  }

  function retry() {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void connect(), delay);
    delay = Math.min(delay * 2, 15_000);
  }

  return {
    start() {
      stopped = false;
      void connect();
    },
    /** Back online: try at once rather than at the end of the back-off. */
    now() {
      delay = 1000;
      if (!socket) void connect();
    },
  };
}
