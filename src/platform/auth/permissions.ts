import type { Role } from '../../db/schema.js';
import { AppError } from '../errors.js';
import type { Actor } from '../tenancy/scope.js';

export type Permission =
  | 'workspace:manage'
  | 'members:read'
  | 'members:manage'
  | 'apikeys:manage'
  | 'teams:manage'
  | 'customers:read'
  | 'customers:write'
  | 'conversations:read'
  | 'conversations:write'
  | 'conversations:assign'
  | 'quality:read'
  | 'quality:manage';

const read: Permission[] = ['members:read', 'customers:read', 'conversations:read', 'quality:read'];
const work: Permission[] = [...read, 'customers:write', 'conversations:write', 'conversations:assign'];

// Executives and frontline staff listen and read; they don't work the queue or manage the desk.
const grants: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set([
    ...work,
    'workspace:manage',
    'members:manage',
    'apikeys:manage',
    'teams:manage',
    'quality:manage',
  ]),
  admin: new Set([
    ...work,
    'workspace:manage',
    'members:manage',
    'apikeys:manage',
    'teams:manage',
    'quality:manage',
  ]),
  supervisor: new Set([...work, 'teams:manage', 'quality:manage']),
  agent: new Set(work),
  executive: new Set(read),
  frontline: new Set(read),
};

export const roleRank: Record<Role, number> = {
  owner: 5,
  admin: 4,
  supervisor: 3,
  agent: 2,
  executive: 1,
  frontline: 1,
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].has(permission);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new AppError('FORBIDDEN', { message: `The ${actor.role} role cannot do this (${permission})` });
  }
}
