import type { Visitor } from '../../platform/access/visitor-token.js';
import type { DomainEvent } from '../../platform/events/domain-events.js';
import type { AppDeps } from '../../platform/http/app-env.js';
import type { VisitorSocket, VisitorSocketRoute } from '../../platform/realtime/visitor-sockets.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { conversationsOfCustomers, customerMessage, type CustomerMessage } from '../conversations/index.js';
import { visitorRouting } from './present-routing.js';

type Listener = {
  visitor: Visitor;
  socket: VisitorSocket;
  conversations: Set<string>;
  // The routing last sent per conversation, so a queue change the visitor cannot see sends nothing.
  sent: Map<string, string>;
};

const followed = [
  'conversation.created',
  'conversation.message_added',
  'conversation.status_changed',
  'routing.changed',
];

/*
 * Visitors hear their own conversations live: every message they may see (never an internal note)
 * and every change of their place in the queue, which moves when anyone ahead of them is answered.
 * It follows the committed-event stream, like the staff hub (realtime-hub.ts), so nothing is sent
 * that rolled back; each workspace's events are handled one after another, so frames keep their
 * order. Messages carry their seq, and the widget also reads what it missed over HTTP: a frame lost
 * with a dropped connection is fetched again, never needed.
 */
export function widgetLiveUpdates(deps: AppDeps): VisitorSocketRoute {
  const rooms = new Map<string, Set<Listener>>();
  const chains = new Map<string, Promise<void>>();
  let stop: (() => void) | undefined;
  const system = <T>(workspaceId: string, work: Parameters<typeof inWorkspace<T>>[2]) =>
    inWorkspace(deps, systemScope(workspaceId), work);

  const send = (listener: Listener, type: 'message' | 'routing', data: Record<string, unknown>) =>
    listener.socket.send(JSON.stringify({ type, at: new Date().toISOString(), data }));

  const messageFrame = (m: CustomerMessage) => ({
    conversationId: m.conversationId,
    id: m.id,
    seq: m.seq,
    role: m.role,
    text: m.text,
    createdAt: m.createdAt.toISOString(),
    clientId: m.clientId,
    authorName: m.authorName,
  });

  // Recomputes the place of every conversation the room's visitors follow; sends what changed.
  async function refreshRouting(workspaceId: string, listeners: readonly Listener[]) {
    const customers = [...new Set(listeners.map((l) => l.visitor.customerId))];
    if (!customers.length) return;
    const routing = await system(workspaceId, async (ctx) =>
      visitorRouting(ctx, await conversationsOfCustomers(ctx, customers)),
    );
    for (const listener of listeners) {
      for (const id of listener.conversations) {
        const r = routing.get(id);
        if (!r) continue;
        const { waitedSeconds: _w, ...shown } = r;
        const json = JSON.stringify(shown);
        if (listener.sent.get(id) === json) continue;
        listener.sent.set(id, json);
        send(listener, 'routing', { conversationId: id, routing: r });
      }
    }
  }

  async function handle(event: DomainEvent, room: ReadonlySet<Listener>) {
    const data = event.data as Record<string, unknown>;
    const conversationId = data.conversationId as string;
    if (event.type === 'conversation.created') {
      for (const l of room) if (l.visitor.customerId === data.customerId) l.conversations.add(conversationId);
    }
    const following = [...room].filter((l) => l.conversations.has(conversationId));
    if (event.type === 'conversation.created' || event.type === 'conversation.message_added') {
      if (!following.length || data.internal) return;
      const message = await system(event.workspaceId, (ctx) =>
        customerMessage(ctx, data.messageId as string),
      );
      if (message) for (const l of following) send(l, 'message', messageFrame(message));
      if (event.type === 'conversation.message_added') return;
    }
    // A queue moves for everyone in it when one conversation changes place.
    await refreshRouting(
      event.workspaceId,
      [...room].filter((l) => l.conversations.size),
    );
  }

  const onEvent = (event: DomainEvent) => {
    if (!followed.includes(event.type)) return;
    const room = rooms.get(event.workspaceId);
    if (!room?.size) return;
    const previous = chains.get(event.workspaceId) ?? Promise.resolve();
    const next = previous
      .then(() => handle(event, room))
      .catch((err: unknown) => deps.logger.warn({ err, event: event.type }, 'widget live update failed'));
    chains.set(event.workspaceId, next);
    void next.then(() => {
      if (chains.get(event.workspaceId) === next) chains.delete(event.workspaceId);
    });
  };

  return {
    path: '/widget/live',
    join(visitor, socket) {
      const listener: Listener = { visitor, socket, conversations: new Set(), sent: new Map() };
      const room = rooms.get(visitor.workspaceId) ?? new Set();
      room.add(listener);
      rooms.set(visitor.workspaceId, room);
      // The visitor's conversations so far, and where each stands now; then `ready`.
      void system(visitor.workspaceId, (ctx) => conversationsOfCustomers(ctx, [visitor.customerId]))
        .then(async (rows) => {
          for (const row of rows) listener.conversations.add(row.id);
          await refreshRouting(visitor.workspaceId, [listener]);
          socket.send(JSON.stringify({ type: 'ready', at: new Date().toISOString(), data: {} }));
        })
        .catch((err: unknown) => {
          deps.logger.warn({ err }, 'widget live join failed');
          socket.close(1011, 'try again');
        });
      return () => {
        room.delete(listener);
        if (!room.size) rooms.delete(visitor.workspaceId);
      };
    },
    async start() {
      stop ??= deps.events.on('*', onEvent);
      await deps.events.start();
    },
    async close() {
      stop?.();
      stop = undefined;
      for (const room of rooms.values()) for (const l of room) l.socket.close(1001, 'server shutting down');
      rooms.clear();
    },
  };
}
