import { deskRunners, everyRole, managers } from '../../platform/access/roles.js';
import { definePermissions, type PermissionsOf } from '../../platform/access/permissions.js';

export const workspacePermissions = definePermissions({
  'workspace:manage': managers,
  'members:read': everyRole,
  'members:manage': managers,
  // How much work a member takes at once: set by whoever runs the desk, supervisors included.
  'members:capacity': deskRunners,
  'teams:manage': deskRunners,
});

declare module '../../platform/access/permissions.js' {
  interface ModulePermissions extends PermissionsOf<typeof workspacePermissions> {}
}
