/** Who has a realtime socket open in this process, per workspace: an open socket is a sign of life. */
export type StaffSockets = {
  opened(socket: object, workspaceId: string, userId: string | null): void;
  closed(socket: object): void;
  /** Each member with at least one open socket, once. */
  members(): { workspaceId: string; userId: string }[];
};

export function createStaffSockets(): StaffSockets {
  const open = new Map<object, { workspaceId: string; userId: string }>();
  return {
    opened(socket, workspaceId, userId) {
      if (userId) open.set(socket, { workspaceId, userId });
    },
    closed(socket) {
      open.delete(socket);
    },
    members() {
      const seen = new Map<string, { workspaceId: string; userId: string }>();
      for (const m of open.values()) seen.set(`${m.workspaceId}/${m.userId}`, m);
      return [...seen.values()];
    },
  };
}
