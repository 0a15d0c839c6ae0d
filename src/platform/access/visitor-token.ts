import { z } from 'zod';
import { signClaims, verifyClaims } from './signed-token.js';

// A chat-widget visitor: one customer of one workspace, nothing else. Visitor tokens are signed,
// not stored, and carry their own expiry; they never authenticate a staff route, because staff
// routes only accept sessions and API keys.
// `verified`: the host site signed the customer's id, so this visitor is that customer.
export type Visitor = { workspaceId: string; customerId: string; verified?: boolean };

const PREFIX = 'evt_';
const claimsSchema = z.object({
  w: z.uuid(),
  c: z.uuid(),
  v: z.literal(1).optional(),
  exp: z.number().int(),
});

export function issueVisitorToken(secret: string, visitor: Visitor, ttlSeconds = 86_400): string {
  const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
  const claims = {
    w: visitor.workspaceId,
    c: visitor.customerId,
    ...(visitor.verified ? { v: 1 } : {}),
    exp,
  };
  return PREFIX + signClaims(secret, 'visitor', claims);
}

export function verifyVisitorToken(secret: string, token: string): (Visitor & { expiresAt: Date }) | null {
  if (!token.startsWith(PREFIX)) return null;
  const parsed = claimsSchema.safeParse(verifyClaims(secret, 'visitor', token.slice(PREFIX.length)));
  if (!parsed.success || parsed.data.exp * 1000 <= Date.now()) return null;
  const { w: workspaceId, c: customerId, v } = parsed.data;
  const expiresAt = new Date(parsed.data.exp * 1000);
  return v ? { workspaceId, customerId, verified: true, expiresAt } : { workspaceId, customerId, expiresAt };
}
