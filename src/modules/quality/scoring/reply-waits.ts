export type TimedTurn = { role: string; atMs: number };
export type ReplyWait = { afterTurn: number; durationSeconds: number; at: string };

// Shorter gaps are someone typing, not a customer left waiting.
export const MIN_WAIT_SECONDS = 60;

// On a live channel a customer who has written and hears nothing is on hold, whether or not a
// phone system calls it that. Each wait runs from the first unanswered customer turn to the next
// agent or bot turn, and is placed just before that reply.
export function replyWaits(turns: readonly TimedTurn[]): ReplyWait[] {
  const waits: ReplyWait[] = [];
  let waitingSince: number | undefined;
  turns.forEach((turn, index) => {
    if (turn.role === 'customer') {
      waitingSince ??= turn.atMs;
      return;
    }
    if (turn.role !== 'agent' && turn.role !== 'bot') return;
    if (waitingSince !== undefined) {
      const seconds = Math.round((turn.atMs - waitingSince) / 1000);
      if (seconds >= MIN_WAIT_SECONDS) {
        waits.push({
          afterTurn: index - 1,
          durationSeconds: seconds,
          at: new Date(waitingSince).toISOString(),
        });
      }
    }
    waitingSince = undefined;
  });
  return waits;
}
