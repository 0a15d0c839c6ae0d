import { AppError } from '../errors.js';
import type { Role } from './roles.js';
import type { Actor } from '../tenancy/scope.js';

// Each module declares its permissions and which roles hold them (definePermissions in its
// permissions.ts); declaration merging into ModulePermissions makes a misspelt permission a type
// error at the route that asks for it.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModulePermissions {}

export type Permission = keyof ModulePermissions & string;
export type PermissionGrants = Record<string, readonly Role[]>;

const grants = new Map<string, ReadonlySet<Role>>();

export function definePermissions<const G extends PermissionGrants>(granted: G): G {
  for (const [permission, holders] of Object.entries(granted)) {
    if (grants.has(permission)) throw new Error(`Permission ${permission} is declared twice`);
    grants.set(permission, new Set(holders));
  }
  return granted;
}

export type PermissionsOf<G extends PermissionGrants> = { [K in keyof G]: true };

export function can(role: Role, permission: Permission): boolean {
  return grants.get(permission)?.has(role) ?? false;
}

/*
 * A permission declared with no role holding it is one no person has by default: only an API key
 * created with it (by an owner, for a channel or an integration) holds it. Posting as the
 * customer is one: people would otherwise write the messages their own quality score is read from.
 */
export const isKeyOnlyPermission = (permission: string): boolean => grants.get(permission)?.size === 0;

export const keyOnlyPermissions = (): string[] =>
  [...grants].filter(([, holders]) => holders.size === 0).map(([permission]) => permission);

export function actorCan(actor: Actor, permission: Permission): boolean {
  return can(actor.role, permission) || (actor.type === 'api_key' && actor.permissions.includes(permission));
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actorCan(actor, permission)) {
    throw new AppError('FORBIDDEN', { message: `The ${actor.role} role cannot do this (${permission})` });
  }
}
