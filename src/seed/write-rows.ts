import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.js';

// Multi-row INSERTs are ten to twenty times faster than a statement per row; the cap keeps each
// statement well under PostgreSQL's 65,535 bind parameters.
const ROWS_PER_STATEMENT = 1_000;

export async function insertRows<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await tx.insert(table).values(rows.slice(i, i + ROWS_PER_STATEMENT) as T['$inferInsert'][]);
  }
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
