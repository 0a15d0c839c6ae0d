import type { Scope } from './scope.js';

// Whoever can reach the admin socket or open the data folder already owns the installation,
// so admin commands act as the system with the owner's rights, inside the named workspace.
export const systemScope = (workspaceId: string): Scope => ({
  workspaceId,
  actor: { type: 'system', role: 'owner', userId: null },
});
