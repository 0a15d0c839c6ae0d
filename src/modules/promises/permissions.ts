import { definePermissions, type PermissionsOf } from '../../platform/access/permissions.js';
import { deskRunners, deskWorkers, everyRole } from '../../platform/access/roles.js';

export const promisePermissions = definePermissions({
  'promises:read': everyRole,
  // Making, keeping and cancelling a promise is desk work, like answering the conversation.
  'promises:write': deskWorkers,
  // A broken promise alerts whoever leads the desk.
  'alerts:read': deskRunners,
});

declare module '../../platform/access/permissions.js' {
  interface ModulePermissions extends PermissionsOf<typeof promisePermissions> {}
}
