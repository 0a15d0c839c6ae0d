import { managers } from '../../platform/access/roles.js';
import { definePermissions, type PermissionsOf } from '../../platform/access/permissions.js';

export const widgetPermissions = definePermissions({
  // The widget's signing secret lets whoever holds it speak as any customer: administrators' business.
  'widget:manage': managers,
});

declare module '../../platform/access/permissions.js' {
  interface ModulePermissions extends PermissionsOf<typeof widgetPermissions> {}
}
