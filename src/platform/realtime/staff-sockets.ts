/*
 * Who has a realtime socket open in this process, per workspace: a socket that answers is a sign
 * of life. The hub pings every socket every pingMs and records each answer; a socket counts only
 * while its last answer (or its opening) is fresher than freshMs, so a connection that died
 * without closing (a laptop asleep, a dropped network: no reset ever reaches the server) stops
 * counting within seconds instead of when TCP gives up, many minutes later.
 */
export const pingMs = 5_000;
export const freshMs = 7_500;

export type StaffSockets = {
  opened(socket: object, workspaceId: string, userId: string | null): void;
  /** The socket answered a ping. */
  answered(socket: object): void;
  closed(socket: object): void;
  /** Each member with at least one socket that answered lately, once. */
  members(): { workspaceId: string; userId: string }[];
};

export function createStaffSockets(now = () => Date.now()): StaffSockets {
  const open = new Map<object, { workspaceId: string; userId: string; answeredAt: number }>();
  return {
    opened(socket, workspaceId, userId) {
      if (userId) open.set(socket, { workspaceId, userId, answeredAt: now() });
    },
    answered(socket) {
      const held = open.get(socket);
      if (held) held.answeredAt = now();
    },
    closed(socket) {
      open.delete(socket);
    },
    members() {
      const since = now() - freshMs;
      const seen = new Map<string, { workspaceId: string; userId: string }>();
      for (const { workspaceId, userId, answeredAt } of open.values())
        if (answeredAt >= since) seen.set(`${workspaceId}/${userId}`, { workspaceId, userId });
      return [...seen.values()];
    },
  };
}
