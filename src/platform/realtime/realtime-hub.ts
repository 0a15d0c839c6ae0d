import type { WSContext } from 'hono/ws';
import type { DomainEvent } from '../events/domain-events.js';
import type { AppDeps } from '../http/app-env.js';

export type RealtimeHub = {
  join(workspaceId: string, socket: WSContext): void;
  leave(workspaceId: string, socket: WSContext): void;
  start(): Promise<void>;
  close(): Promise<void>;
};

// Sends each workspace's domain events to the agents of that workspace who are connected. It
// reads the committed-event stream (NOTIFY from the outbox write on PostgreSQL, so every API
// instance delivers every event to its own sockets; in memory on the embedded database): an
// agent never sees an event whose transaction rolled back.
export function createRealtimeHub(deps: AppDeps): RealtimeHub {
  const rooms = new Map<string, Set<WSContext>>();
  let stopListening: (() => void) | undefined;

  const deliver = (event: DomainEvent) => {
    const room = rooms.get(event.workspaceId);
    if (!room?.size) return;
    const frame = JSON.stringify({ id: event.id, type: event.type, at: event.at, data: event.data });
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
      stopListening ??= deps.events.on('*', deliver);
      await deps.events.start();
    },
    async close() {
      stopListening?.();
      stopListening = undefined;
      for (const room of rooms.values())
        for (const socket of room) socket.close(1001, 'server shutting down');
      rooms.clear();
    },
  };
}
