import type { Visitor } from '../access/visitor-token.js';

/** What a module may do with a visitor's open socket. */
export type VisitorSocket = { send(frame: string): void; close(code: number, reason: string): void };

/*
 * A live channel for chat-widget visitors, offered by a module and mounted by the HTTP edge at
 * `path` under /api/v1. Browsers cannot set headers on a WebSocket, so the visitor token comes as
 * `?token=` or as one of the offered subprotocols; the edge checks it, closes the socket when the
 * token expires, and hands the module the visitor. What the visitor hears is the module's business:
 * only their own customer's conversations.
 */
export type VisitorSocketRoute = {
  path: string;
  /** A visitor's socket opened; returns what to do when it closes. */
  join(visitor: Visitor, socket: VisitorSocket): () => void;
  /** Starts following committed events (once the server exists). */
  start(): Promise<void>;
  /** Closes every socket. */
  close(): Promise<void>;
};

// The close code for a visitor whose token ran out: the widget asks for a new session and reconnects.
export const CLOSE_TOKEN_EXPIRED = 4401;
