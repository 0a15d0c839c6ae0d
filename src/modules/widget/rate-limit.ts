import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';

const WINDOW_SECONDS = 60;

/*
 * Requests per minute. A widget polls its conversation every few seconds and posts what a person
 * types, so a visitor far above this is a script; an address is shared by an office or a mobile
 * carrier, so it gets more. Sessions are cheap to ask for and each may create a customer: fewer.
 */
export const rateLimits = { visitor: 120, address: 600, sessionsPerAddress: 60 } as const;

export type RateKey = { key: string; limit: number };

/*
 * Counts one request against each key in one statement (fixed windows that start at their first
 * request), and refuses it with 429 and Retry-After once any key is over its limit. The counts live
 * in the database, so every instance serving the widget shares them.
 */
export async function countRequest(db: Db, keys: readonly RateKey[]): Promise<void> {
  await forgetOldWindows(db);
  const values = sql.join(
    keys.map((k) => sql`(${k.key}, 1, now())`),
    sql`, `,
  );
  const result = await db.execute(sql`
    INSERT INTO widget_rate_limits AS t (key, hits, window_started_at) VALUES ${values}
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN t.window_started_at <= now() - make_interval(secs => ${WINDOW_SECONDS})
        THEN 1 ELSE t.hits + 1 END,
      window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => ${WINDOW_SECONDS})
        THEN now() ELSE t.window_started_at END
    RETURNING key, hits,
      ceil(extract(epoch FROM t.window_started_at + make_interval(secs => ${WINDOW_SECONDS}) - now()))::int
        AS retry_after`);
  const rows = (result as unknown as { rows: { key: string; hits: number; retry_after: number }[] }).rows;
  const limitOf = new Map(keys.map((k) => [k.key, k.limit]));
  const over = rows.filter((r) => r.hits > (limitOf.get(r.key) ?? Infinity));
  if (over.length) {
    throw new AppError('TOO_MANY_REQUESTS', {
      message: 'Too many requests from this chat; wait a moment before sending more',
      retryAfterSeconds: Math.max(1, ...over.map((r) => r.retry_after)),
    });
  }
}

// Windows long over are deleted, at most once an hour by each process.
const SWEEP_EVERY_MS = 3_600_000;
let lastSweep = 0;
async function forgetOldWindows(db: Db): Promise<void> {
  if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = Date.now();
  await db.execute(sql`DELETE FROM widget_rate_limits WHERE window_started_at < now() - interval '1 hour'`);
}
