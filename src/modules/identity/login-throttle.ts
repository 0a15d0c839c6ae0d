import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { hashToken } from '../../platform/access/secrets.js';
import { AppError } from '../../platform/errors.js';

const WINDOW_SECONDS = 15 * 60;
// Ten guesses at one account per quarter hour; fifty failures from one address, across any
// accounts (an office behind one address still signs in: successes do not count).
export const ACCOUNT_LIMIT = 10;
export const SOURCE_LIMIT = 50;

export type ThrottleKeys = { account: string; source: string };

// The account is kept as a hash: the table is not a list of the emails people tried.
export const throttleKeys = (email: string, address: string): ThrottleKeys => ({
  account: `account:${hashToken(email.trim().toLowerCase())}`,
  source: `source:${address}`,
});

/*
 * Counts an attempt before the password is checked, in one statement, so a burst of parallel
 * guesses is counted as it arrives and a throttled guess never costs an argon2 hash. The counts
 * live in the database, so every instance serving it shares them (on the embedded database there
 * is only one). A window starts at its first attempt and lasts fifteen minutes.
 */
export async function countAttempt(db: Db, keys: ThrottleKeys): Promise<void> {
  await forgetOldWindows(db);
  const result = await db.execute(sql`
    INSERT INTO login_throttle AS t (key, failures, window_started_at)
    VALUES (${keys.account}, 1, now()), (${keys.source}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_started_at <= now() - make_interval(secs => ${WINDOW_SECONDS})
        THEN 1 ELSE t.failures + 1 END,
      window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => ${WINDOW_SECONDS})
        THEN now() ELSE t.window_started_at END
    RETURNING key, failures,
      ceil(extract(epoch FROM t.window_started_at + make_interval(secs => ${WINDOW_SECONDS}) - now()))::int
        AS retry_after`);
  const rows = (result as unknown as { rows: { key: string; failures: number; retry_after: number }[] }).rows;
  const over = rows.filter((r) => r.failures > (r.key === keys.account ? ACCOUNT_LIMIT : SOURCE_LIMIT));
  if (over.length) {
    throw new AppError('TOO_MANY_REQUESTS', {
      message: 'Too many failed sign-ins; wait before trying again',
      retryAfterSeconds: Math.max(1, ...over.map((r) => r.retry_after)),
    });
  }
}

/** A right password: the account starts afresh, and this attempt no longer counts for the address. */
export async function forgiveAttempt(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.execute(sql`DELETE FROM login_throttle WHERE key = ${keys.account}`);
  await db.execute(
    sql`UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = ${keys.source}`,
  );
}

// Guesses at many made-up emails would otherwise leave a row each for good. Windows long over
// are deleted, at most once an hour by each process.
const SWEEP_EVERY_MS = 3_600_000;
let lastSweep = 0;
async function forgetOldWindows(db: Db): Promise<void> {
  if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = Date.now();
  await db.execute(sql`DELETE FROM login_throttle WHERE window_started_at < now() - interval '1 day'`);
}
