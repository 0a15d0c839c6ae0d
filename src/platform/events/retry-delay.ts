/**
 * How long a failed delivery waits before its next attempt: doubling from `baseMs`, capped, so a
 * listener whose dependency is down for an hour is not retried thousands of times meanwhile.
 */
export function retryDelay(attempt: number, options: { baseMs: number; maxMs: number }): number {
  return Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
}
