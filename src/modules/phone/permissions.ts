import { managers } from '../../platform/access/roles.js';
import { definePermissions, type PermissionsOf } from '../../platform/access/permissions.js';

export const phonePermissions = definePermissions({
  // Lines carry the secret a telephony system posts call events with: administrators' business.
  'phone:manage': managers,
});

declare module '../../platform/access/permissions.js' {
  interface ModulePermissions extends PermissionsOf<typeof phonePermissions> {}
}
