import { deskWorkers, everyRole } from '../../platform/access/roles.js';
import { definePermissions, type PermissionsOf } from '../../platform/access/permissions.js';

export const conversationPermissions = definePermissions({
  'conversations:read': everyRole,
  'conversations:write': deskWorkers,
  'conversations:assign': deskWorkers,
});

declare module '../../platform/access/permissions.js' {
  interface ModulePermissions extends PermissionsOf<typeof conversationPermissions> {}
}
