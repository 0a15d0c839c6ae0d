import { deskWorkers, everyRole } from '../../platform/access/roles.js';
import { definePermissions, type PermissionsOf } from '../../platform/access/permissions.js';

export const customerPermissions = definePermissions({
  'customers:read': everyRole,
  'customers:write': deskWorkers,
});

declare module '../../platform/access/permissions.js' {
  interface ModulePermissions extends PermissionsOf<typeof customerPermissions> {}
}
