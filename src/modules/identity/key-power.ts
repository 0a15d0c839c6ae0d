import type { Role } from '../../platform/access/roles.js';
import { roleRank } from '../../platform/access/roles.js';

type KeyRow = { role: Role; permissions: readonly string[]; createdBy: string | null };

/*
 * What a key may do now. A key acts for the member who created it, so it can never do more than
 * that member can today: it acts with the lower of its own role and its creator's current role
 * (on a tie of rank, the creator's), and stops working when the creator leaves the workspace
 * (null). Rights beyond a role (posting as the customer) are only ever handed out by an owner, and
 * hold while the creator still is one. A key with no creator was made by the system (the admin
 * socket, `earshot apikey create`): whoever holds the installation made it, so its own role and
 * rights are its whole bound.
 */
export function keyPower(
  key: KeyRow,
  creatorRole: Role | null,
): { role: Role; permissions: readonly string[] } | null {
  if (!key.createdBy) return { role: key.role, permissions: key.permissions };
  if (!creatorRole) return null;
  const role = roleRank[creatorRole] <= roleRank[key.role] ? creatorRole : key.role;
  return { role, permissions: creatorRole === 'owner' ? key.permissions : [] };
}

/** Who may revoke a key: someone of at least the rank of the key and of its creator today. */
export const keyRank = (keyRole: Role, creatorRole: Role | null): number =>
  Math.max(roleRank[keyRole], creatorRole ? roleRank[creatorRole] : 0);
