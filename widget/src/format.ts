// Words for times and waits, in the visitor's own language and time zone (Intl, nothing bundled).

function minutes(seconds: number) {
  return Math.max(1, Math.round(seconds / 60));
}

/** "about 2–5 min", or "under a minute". */
export function waitRange(wait: { minSeconds: number; maxSeconds: number }): string {
  if (wait.maxSeconds < 60) return 'under a minute';
  const low = minutes(wait.minSeconds);
  const high = minutes(wait.maxSeconds);
  return low === high ? `about ${low} min` : `${low}–${high} min`;
}

/** When the team is back, as the visitor's clock shows it: "today at 09:00 CET", "Monday at…". */
export function backAtText(iso: string, now = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return 'soon';
  const time = new Intl.DateTimeFormat(undefined, {
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
  const dayKey = (d: Date) => d.toDateString();
  const tomorrow = new Date(now.getTime() + 86_400_000);
  if (dayKey(at) === dayKey(now)) return `today at ${time}`;
  if (dayKey(at) === dayKey(tomorrow)) return `tomorrow at ${time}`;
  const day = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' }).format(
    at,
  );
  return `${day} at ${time}`;
}
