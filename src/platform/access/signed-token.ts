import { createHmac } from 'node:crypto';
import { safeEqual } from './secrets.js';

// Compact HMAC-signed claims (`<base64url json>.<base64url sha256 mac>`), used for widget visitor
// tokens and signed links. The purpose is part of the signed text, so a token minted for one
// purpose never verifies for another.
export function signClaims(secret: string, purpose: string, claims: Record<string, unknown>): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${mac(secret, purpose, body)}`;
}

export function verifyClaims(secret: string, purpose: string, token: string): Record<string, unknown> | null {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  const body = token.slice(0, dot);
  if (!safeEqual(token.slice(dot + 1), mac(secret, purpose, body))) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const mac = (secret: string, purpose: string, body: string) =>
  createHmac('sha256', secret).update(`${purpose}\n${body}`).digest('base64url');
