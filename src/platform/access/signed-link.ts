import { z } from 'zod';
import { signClaims, verifyClaims } from './signed-token.js';

// A link that works without signing in (a quote to accept, a survey to answer) because the URL
// itself carries a signed claim: which workspace, which record, until when. The path is signed
// too, so the token of one link cannot open another route.
export type LinkClaims = { workspaceId: string; subjectId: string; expiresAt: Date };

const claimsSchema = z.object({ w: z.uuid(), s: z.string().min(1), exp: z.number().int(), p: z.string() });

export function signLink(secret: string, path: string, claims: LinkClaims): string {
  const token = signClaims(secret, 'link', {
    w: claims.workspaceId,
    s: claims.subjectId,
    exp: Math.floor(claims.expiresAt.getTime() / 1000),
    p: path,
  });
  return `${path}${path.includes('?') ? '&' : '?'}sig=${token}`;
}

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: 'invalid' | 'expired' };

export function verifyLink(secret: string, path: string, token: string): LinkCheck {
  const parsed = claimsSchema.safeParse(verifyClaims(secret, 'link', token));
  if (!parsed.success || parsed.data.p !== path) return { ok: false, reason: 'invalid' };
  const expiresAt = new Date(parsed.data.exp * 1000);
  if (expiresAt.getTime() <= Date.now()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { workspaceId: parsed.data.w, subjectId: parsed.data.s, expiresAt } };
}
