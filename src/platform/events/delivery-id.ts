import { createHash } from 'node:crypto';
import type { DomainEvent } from './define-events.js';

/**
 * A UUID that is the same every time one listener handles one event, for listeners to make their
 * effect idempotent: used as a job id, a second delivery inserts nothing (pg-boss ignores a job
 * whose id exists); used as a row key, an upsert.
 */
export function deliveryId(event: Pick<DomainEvent, 'id'>, listenerName: string): string {
  const hex = createHash('sha256').update(`${listenerName}\u0000${event.id}`).digest('hex');
  // Shaped as a version-8 (custom) UUID, which pg-boss's uuid column accepts.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
