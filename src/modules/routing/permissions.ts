import { definePermissions, type PermissionsOf } from '../../platform/access/permissions.js';
import { deskRunners, deskWorkers } from '../../platform/access/roles.js';

export const routingPermissions = definePermissions({
  // Agents set their own presence; supervisors and up set anyone's.
  'presence:own': deskWorkers,
  'presence:manage': deskRunners,
  'routing:reports': ['owner', 'admin', 'supervisor', 'executive'],
});

declare module '../../platform/access/permissions.js' {
  interface ModulePermissions extends PermissionsOf<typeof routingPermissions> {}
}
