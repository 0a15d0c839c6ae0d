import { deskRunners, everyRole, managers } from '../../platform/access/roles.js';
import { definePermissions, type PermissionsOf } from '../../platform/access/permissions.js';

export const workspacePermissions = definePermissions({
  'workspace:manage': managers,
  'members:read': everyRole,
  'members:manage': managers,
  'teams:manage': deskRunners,
});

declare module '../../platform/access/permissions.js' {
  interface ModulePermissions extends PermissionsOf<typeof workspacePermissions> {}
}
