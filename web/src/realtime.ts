import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export type LiveState = 'connecting' | 'live' | 'offline';

type Frame = { type: string; data?: { conversationId?: string } };

// The workspace's events over /api/v1/realtime: each one marks what it changed as stale, and
// TanStack Query fetches again whatever is on screen. The socket comes back after a drop; a close
// for an ended credential (4401) sends the agent to sign in again.
export function useRealtime(enabled: boolean): LiveState {
  const queries = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (!enabled) return;
    let socket: WebSocket | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let stopped = false;
    const open = () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${scheme}://${window.location.host}/api/v1/realtime`);
      socket.onmessage = (message) => {
        const frame = JSON.parse(String(message.data)) as Frame;
        if (frame.type === 'ready') {
          attempts = 0;
          setState('live');
          // Whatever happened while the socket was down is fetched again.
          void queries.invalidateQueries({ queryKey: ['conversations'] });
          return;
        }
        // A review source whose feed was refused shows at once in Settings.
        if (frame.type.startsWith('reviews.'))
          void queries.invalidateQueries({ queryKey: ['review-sources'] });
        if (!frame.type.startsWith('conversation.')) return;
        void queries.invalidateQueries({ queryKey: ['conversations'] });
        // A conversation that arrives, moves or is answered changes the supervisor's live queues.
        void queries.invalidateQueries({ queryKey: ['routing-live'] });
        const id = frame.data?.conversationId;
        if (id) void queries.invalidateQueries({ queryKey: ['conversation', id] });
      };
      socket.onclose = (event) => {
        if (stopped) return;
        setState('offline');
        if (event.code === 4401) {
          void queries.invalidateQueries({ queryKey: ['me'] });
          return;
        }
        retry = setTimeout(open, Math.min(30_000, 1_000 * 2 ** attempts++));
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, [enabled, queries]);
  return state;
}
