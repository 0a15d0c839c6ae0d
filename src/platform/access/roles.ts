// The six roles of a workspace member, highest first. Modules grant their permissions to roles;
// the kernel knows only the names and their rank.
export const roles = ['owner', 'admin', 'supervisor', 'agent', 'executive', 'frontline'] as const;
export type Role = (typeof roles)[number];

export const roleRank: Record<Role, number> = {
  owner: 5,
  admin: 4,
  supervisor: 3,
  agent: 2,
  executive: 1,
  frontline: 1,
};

// Groups that permission grants name most often.
export const everyRole: readonly Role[] = roles;
export const managers: readonly Role[] = ['owner', 'admin'];
export const deskRunners: readonly Role[] = ['owner', 'admin', 'supervisor'];
export const deskWorkers: readonly Role[] = ['owner', 'admin', 'supervisor', 'agent'];
