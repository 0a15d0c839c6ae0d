import type { WSContext } from 'hono/ws';
import type { DomainEvent } from '../events/domain-events.js';
import type { AppDeps } from '../http/app-env.js';
import { createFanout } from './event-fanout.js';

export type RealtimeHub = {
  join(workspaceId: string, socket: WSContext): void;
  leave(workspaceId: string, socket: WSContext): void;
  start(): Promise<void>;
  close(): Promise<void>;
};

// Sends each workspace's domain events to the agents of that workspace who are connected.
export function createRealtimeHub(deps: AppDeps): RealtimeHub {
  const rooms = new Map<string, Set<WSContext>>();
  const fanout = createFanout(deps.handle);
  let stopListening: (() => void) | undefined;

  const deliver = (event: DomainEvent) => {
    const room = rooms.get(event.workspaceId);
    if (!room?.size) return;
    const frame = JSON.stringify({ type: event.type, at: event.at, data: event.data });
    for (const socket of room) socket.send(frame);
  };

  return {
    join(workspaceId, socket) {
      const room = rooms.get(workspaceId) ?? new Set();
      room.add(socket);
      rooms.set(workspaceId, room);
    },
    leave(workspaceId, socket) {
      rooms.get(workspaceId)?.delete(socket);
    },
    async start() {
      await fanout.subscribe(deliver);
      stopListening = deps.events.on('*', (event) =>
        fanout.publish(event).catch((err) => deps.logger.warn({ err }, 'realtime publish failed')),
      );
    },
    async close() {
      stopListening?.();
      await fanout.close();
      for (const room of rooms.values())
        for (const socket of room) socket.close(1001, 'server shutting down');
      rooms.clear();
    },
  };
}
