import { signLink } from '../../platform/access/signed-link.js';
import type { PromiseRow } from './schema.js';

// The public page of a quote. Module routes are mounted under /api/v1 by the HTTP edge, and a
// signed link is bound to the full path the request arrives on, so the prefix is part of it.
export const quotePath = (reference: string) => `/q/${reference}`;

// The link outlives the quote by this long so that a customer who opens it late is offered a
// renewal rather than a dead link; after that the edge answers 410 (link expired).
const renewalDays = 30;

/**
 * A public URL (no login) that shows a quote's terms and lets the customer accept it. A public
 * URL does not name a workspace, and row-level security needs one before any row can be read, so
 * the workspace travels inside the signed claims (with the promise's id as the subject): the
 * signature is checked first, by the edge, at no database cost, and only a link this server
 * signed can name a workspace at all. The same claims always give the same signature, so the
 * link is computed whenever the quote is shown and never stored.
 */
export function quoteLink(secret: string, row: PromiseRow): string {
  const until = (row.expiresAt ?? row.breaksAt).getTime() + renewalDays * 86_400_000;
  return signLink(secret, quotePath(row.reference), {
    workspaceId: row.workspaceId,
    subjectId: row.id,
    expiresAt: new Date(until),
  });
}
