import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUuid } from '../../platform/http/input-schemas.js';
import { reviewSources } from './schema.js';

/*
 * A delivery names its source by the id in the URL before any workspace is known, so this one
 * lookup reads as the system, like the mailbox of an inbound mail URL (email/find-mailbox.ts): by
 * one exact key, returning only whose source it is and the secret to check.
 */
export async function findSourceForDelivery(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ id: reviewSources.id, workspaceId: reviewSources.workspaceId, secret: reviewSources.secret })
    .from(reviewSources)
    .where(eq(reviewSources.id, id));
  return row ?? null;
}
