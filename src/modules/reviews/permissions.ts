import { managers } from '../../platform/access/roles.js';
import { definePermissions, type PermissionsOf } from '../../platform/access/permissions.js';

export const reviewPermissions = definePermissions({
  // Sources carry the secret connectors post with and the feed's token: administrators' business.
  'reviews:manage': managers,
});

declare module '../../platform/access/permissions.js' {
  interface ModulePermissions extends PermissionsOf<typeof reviewPermissions> {}
}
