import { desc, sql, type SQL } from 'drizzle-orm';
import { activityHourOf, conversations } from './schema.js';

/*
 * The inbox's order, newest activity first: (activity_hour, last_activity_at, id), all descending.
 * The hour is a function of the time that never decreases as the time grows, so this is exactly
 * the (last_activity_at, id) order the pages and their cursors are keyed on; putting the hour
 * first lets PostgreSQL read the rows in order from an index that holds only the hour (see the
 * indexes in schema.ts), sorting each hour's rows by an incremental sort as it goes.
 */
export const activityOrder = (order: SQL[]) => [desc(conversations.activityHour), ...order];

/**
 * What bounds a page that starts after a cursor's time in the hour index: no row after it can be
 * of a later hour. The row comparison on (last_activity_at, id) still decides which rows of that
 * hour come after the cursor; this only tells the index where to start reading.
 */
export function activityHourBound(afterAt: string | undefined): SQL | undefined {
  if (!afterAt) return undefined;
  return sql`${conversations.activityHour} <= ${activityHourOf(sql`${afterAt}::timestamptz`)}`;
}
