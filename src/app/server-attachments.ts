import type { Attach } from './start-server.js';

// What `earshot serve` hooks onto the HTTP server before it listens (the realtime module's
// WebSocket upgrade, for one). Each may add routes to the app and return a cleanup that runs on
// shutdown, before the database closes.
export const serverAttachments: readonly Attach[] = [];
