import { z } from 'zod';
import { signClaims, verifyClaims } from './signed-token.js';

// A chat-widget visitor: one customer of one workspace, nothing else. Visitor tokens are signed,
// not stored, and carry their own expiry; they never authenticate a staff route, because staff
// routes only accept sessions and API keys.
export type Visitor = { workspaceId: string; customerId: string };

const PREFIX = 'evt_';
const claimsSchema = z.object({ w: z.uuid(), c: z.uuid(), exp: z.number().int() });

export function issueVisitorToken(secret: string, visitor: Visitor, ttlSeconds = 86_400): string {
  const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
  return PREFIX + signClaims(secret, 'visitor', { w: visitor.workspaceId, c: visitor.customerId, exp });
}

export function verifyVisitorToken(secret: string, token: string): Visitor | null {
  if (!token.startsWith(PREFIX)) return null;
  const parsed = claimsSchema.safeParse(verifyClaims(secret, 'visitor', token.slice(PREFIX.length)));
  if (!parsed.success || parsed.data.exp * 1000 <= Date.now()) return null;
  return { workspaceId: parsed.data.w, customerId: parsed.data.c };
}
