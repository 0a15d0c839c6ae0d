import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUuid } from '../../platform/http/input-schemas.js';
import { phoneLines } from './schema.js';

export type LineTarget = {
  id: string;
  workspaceId: string;
  number: string;
  teamId: string | null;
  callbackOwnerId: string | null;
  secret: string;
  twilioAuthToken: string | null;
};

/*
 * A call event names its line by the id in its URL before any workspace is known, so this one
 * lookup reads as the system, outside row-level security, by that exact key — like a mailbox's
 * inbound URL (email/find-mailbox.ts). It returns where the event goes and the secrets to check
 * it with; everything after runs inside the line's workspace.
 */
export async function findLineForUrl(db: Db, id: string): Promise<LineTarget | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: phoneLines.id,
      workspaceId: phoneLines.workspaceId,
      number: phoneLines.number,
      teamId: phoneLines.teamId,
      callbackOwnerId: phoneLines.callbackOwnerId,
      secret: phoneLines.secret,
      twilioAuthToken: phoneLines.twilioAuthToken,
    })
    .from(phoneLines)
    .where(eq(phoneLines.id, id));
  return row ?? null;
}
