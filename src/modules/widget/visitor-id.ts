import { z } from 'zod';
import { signClaims, verifyClaims } from '../../platform/access/signed-token.js';

// An anonymous visitor's way back to their own customer after a reload: the widget keeps it in
// the browser and sends it with the next session. It is signed by the server, so a visitor can
// present only an id the server gave them, never make one up for someone else's customer.
const PREFIX = 'vid_';
const PURPOSE = 'widget visitor id';
const claims = z.object({ w: z.uuid(), c: z.uuid() });

export const signVisitorId = (secret: string, workspaceId: string, customerId: string) =>
  PREFIX + signClaims(secret, PURPOSE, { w: workspaceId, c: customerId });

/** The customer a visitor id names, when it is genuine and was given in this workspace. */
export function customerOfVisitorId(secret: string, workspaceId: string, visitorId: string): string | null {
  if (!visitorId.startsWith(PREFIX)) return null;
  const parsed = claims.safeParse(verifyClaims(secret, PURPOSE, visitorId.slice(PREFIX.length)));
  return parsed.success && parsed.data.w === workspaceId ? parsed.data.c : null;
}
