import { createHmac } from 'node:crypto';
import { safeEqual } from '../../platform/access/secrets.js';
import { previousSecret, type WidgetRow } from './widget-row.js';

/** What the host site sends for its customer: hex HMAC-SHA256 of the id, keyed by the signing secret. */
export const signCustomerId = (secret: string, customerId: string) =>
  createHmac('sha256', secret).update(customerId, 'utf8').digest('hex');

// Compared in constant time against the current secret and, during a rotation, the previous one.
export function signatureMatches(widget: WidgetRow, customerId: string, signature: string, now = new Date()) {
  const given = signature.trim().toLowerCase();
  const secrets = [widget.signingSecret, previousSecret(widget, now)?.secret].filter((s): s is string =>
    Boolean(s),
  );
  // Every secret is tried, so the time taken does not tell which one matched.
  return secrets.map((s) => safeEqual(given, signCustomerId(s, customerId))).some(Boolean);
}
