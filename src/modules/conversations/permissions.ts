import { deskWorkers, everyRole } from '../../platform/access/roles.js';
import { definePermissions, type PermissionsOf } from '../../platform/access/permissions.js';

export const conversationPermissions = definePermissions({
  'conversations:read': everyRole,
  'conversations:write': deskWorkers,
  'conversations:assign': deskWorkers,
  // Posting a message as the customer: no role holds it, since customers' words are what agents'
  // quality scores are read from; an owner gives it to the API key of a channel or integration.
  'conversations:impersonate-customer': [],
});

declare module '../../platform/access/permissions.js' {
  interface ModulePermissions extends PermissionsOf<typeof conversationPermissions> {}
}
