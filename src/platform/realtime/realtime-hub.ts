import type { WSContext } from 'hono/ws';
import type { DomainEvent } from '../events/domain-events.js';
import type { AppDeps } from '../http/app-env.js';
import type { Scope } from '../tenancy/scope.js';
import { pingMs } from './staff-sockets.js';

// Sockets outlive the request that opened them, so their credential is checked again: every few
// seconds (the credential cache keeps that cheap), and at once when this process ends a session,
// revokes a key or changes a member. A socket whose credential ended, or whose role changed, is
// closed; it never hears another event.
const RECHECK_MS = 5_000;
const CLOSE_CREDENTIAL_ENDED = 4401;
// A socket silent this long after pings is dropped: its peer is gone without having said so.
const SILENT_MS = 6 * pingMs;

/** What a socket is underneath (the `ws` library's socket on Node): pings, and their answers. */
type Pingable = { ping(): void; terminate(): void; on(event: 'pong', listener: () => void): void };
const pingableOf = (socket: WSContext): Pingable | undefined => {
  const raw = socket.raw as Partial<Pingable> | undefined;
  return typeof raw?.ping === 'function' ? (raw as Pingable) : undefined;
};

/** Authenticates the socket's credential again: its scope now, or a throw once it has ended. */
export type Recheck = () => Promise<Scope>;

export type RealtimeHub = {
  join(scope: Scope, socket: WSContext, recheck: Recheck): void;
  leave(workspaceId: string, socket: WSContext): void;
  start(): Promise<void>;
  close(): Promise<void>;
};

// Sends each workspace's domain events to the agents of that workspace who are connected. It
// reads the committed-event stream (NOTIFY after each commit on PostgreSQL, so every API
// instance delivers every event to its own sockets; in memory on the embedded database): an
// agent never sees an event whose transaction rolled back.
export function createRealtimeHub(deps: AppDeps): RealtimeHub {
  const rooms = new Map<string, Set<WSContext>>();
  // Each socket's credential and when it last answered a ping (or opened).
  const holders = new Map<WSContext, { scope: Scope; recheck: Recheck; answeredAt: number }>();
  let stopListening: (() => void) | undefined;
  let stopRechecks: (() => void) | undefined;
  let stopPings: (() => void) | undefined;
  // Every socket is pinged; one that has not answered for SILENT_MS is ended (its close removes it).
  const pingAll = () => {
    const silentSince = Date.now() - SILENT_MS;
    for (const [socket, { answeredAt }] of holders) {
      const pingable = pingableOf(socket);
      if (!pingable) continue;
      if (answeredAt < silentSince) pingable.terminate();
      else pingable.ping();
    }
  };

  const recheckAll = async () => {
    await Promise.all(
      [...holders].map(async ([socket, { scope, recheck }]) => {
        const now = await recheck().catch(() => null);
        if (now && now.workspaceId === scope.workspaceId && now.actor.role === scope.actor.role) return;
        holders.delete(socket);
        rooms.get(scope.workspaceId)?.delete(socket);
        deps.staffSockets.closed(socket);
        socket.close(CLOSE_CREDENTIAL_ENDED, now ? 'your role changed; connect again' : 'signed out');
      }),
    );
  };

  const deliver = (event: DomainEvent) => {
    const room = rooms.get(event.workspaceId);
    if (!room?.size) return;
    const frame = JSON.stringify({ id: event.id, type: event.type, at: event.at, data: event.data });
    for (const socket of room) socket.send(frame);
  };

  return {
    join(scope, socket, recheck) {
      const room = rooms.get(scope.workspaceId) ?? new Set();
      room.add(socket);
      rooms.set(scope.workspaceId, room);
      const holder = { scope, recheck, answeredAt: Date.now() };
      holders.set(socket, holder);
      deps.staffSockets.opened(socket, scope.workspaceId, scope.actor.userId);
      pingableOf(socket)?.on('pong', () => {
        holder.answeredAt = Date.now();
        deps.staffSockets.answered(socket);
      });
    },
    leave(workspaceId, socket) {
      rooms.get(workspaceId)?.delete(socket);
      holders.delete(socket);
      deps.staffSockets.closed(socket);
    },
    async start() {
      stopListening ??= deps.events.on('*', deliver);
      if (!stopRechecks) {
        const timer = setInterval(() => void recheckAll(), RECHECK_MS);
        timer.unref();
        const offClear = deps.credentials.onClear(() => void recheckAll());
        stopRechecks = () => (clearInterval(timer), offClear());
      }
      if (!stopPings) {
        const timer = setInterval(pingAll, pingMs);
        timer.unref();
        stopPings = () => clearInterval(timer);
      }
      await deps.events.start();
    },
    async close() {
      stopListening?.();
      stopListening = undefined;
      stopRechecks?.();
      stopRechecks = undefined;
      stopPings?.();
      stopPings = undefined;
      holders.clear();
      for (const room of rooms.values())
        for (const socket of room) {
          deps.staffSockets.closed(socket);
          socket.close(1001, 'server shutting down');
        }
      rooms.clear();
    },
  };
}
