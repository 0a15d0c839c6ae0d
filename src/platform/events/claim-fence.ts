import { and, eq, or } from 'drizzle-orm';
import { eventOutbox } from './outbox-table.js';

/** The id of a claimed row and the attempt number its claim gave it. */
export type Claim = { id: number; attempts: number };

// Every record of an outcome is fenced by the attempt that claimed the row: if this dispatcher
// outlived its lease and another one claimed the row since, the other one's record stands.
export const claimFence = (claims: readonly Claim[]) =>
  or(...claims.map((c) => and(eq(eventOutbox.id, c.id), eq(eventOutbox.attempts, c.attempts))));
