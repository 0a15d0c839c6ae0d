import { definePermissions, type PermissionsOf } from '../../platform/access/permissions.js';
import { deskRunners, everyRole } from '../../platform/access/roles.js';

export const serviceLevelPermissions = definePermissions({
  // Everyone who sees conversations sees their policies, calendars and what is breaching soon.
  'sla:read': everyRole,
  // Setting the targets the desk is held to is for those who run it.
  'sla:manage': deskRunners,
  'sla:reports': ['owner', 'admin', 'supervisor', 'executive'],
});

declare module '../../platform/access/permissions.js' {
  interface ModulePermissions extends PermissionsOf<typeof serviceLevelPermissions> {}
}
