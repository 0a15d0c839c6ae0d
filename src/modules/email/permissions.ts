import { managers } from '../../platform/access/roles.js';
import { definePermissions, type PermissionsOf } from '../../platform/access/permissions.js';

export const emailPermissions = definePermissions({
  // Mailboxes carry the secret mail providers post with, and the mail log shows every message
  // received, whatever became of it: administrators' business.
  'email:manage': managers,
});

declare module '../../platform/access/permissions.js' {
  interface ModulePermissions extends PermissionsOf<typeof emailPermissions> {}
}
