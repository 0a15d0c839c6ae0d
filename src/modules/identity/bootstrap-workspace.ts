import type { Db } from '../../db/client.js';
import { hashPassword, hashToken, newToken } from '../../platform/access/secrets.js';
import { createWorkspace } from '../workspaces/index.js';
import { apiKeys } from './schema.js';

export type BootstrapInput = {
  db: Db;
  name: string;
  admin: { email: string; name?: string; password: string };
};

// A new workspace with its owner and a first API key, in one transaction: the key is shown once
// (to `earshot init`, the demo, a test) and stored hashed.
export async function bootstrapWorkspace({ db, name, admin }: BootstrapInput) {
  const passwordHash = await hashPassword(admin.password);
  const { token, lookup } = newToken('esk');
  return db.transaction(async (tx) => {
    const created = await createWorkspace(tx, { name, admin: { ...admin, passwordHash } });
    const [key] = await tx
      .insert(apiKeys)
      .values({
        workspaceId: created.workspaceId,
        name: 'Initial key',
        prefix: lookup,
        keyHash: hashToken(token),
        role: 'owner',
        createdBy: created.userId,
      })
      .returning({ id: apiKeys.id });
    return { ...created, apiKey: token, apiKeyId: key!.id };
  });
}
