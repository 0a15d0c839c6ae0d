import { deskRunners, everyRole } from '../../platform/access/roles.js';
import { definePermissions, type PermissionsOf } from '../../platform/access/permissions.js';

export const qualityPermissions = definePermissions({
  'quality:read': everyRole,
  'quality:manage': deskRunners,
});

declare module '../../platform/access/permissions.js' {
  interface ModulePermissions extends PermissionsOf<typeof qualityPermissions> {}
}
