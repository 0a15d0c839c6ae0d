const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "3 h 12 min", "45 s": how long since a moment, short enough for a table cell. */
export function waited(since: string, now = Date.now()): string {
  let seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const parts: string[] = [];
  for (const [unit, size] of units) {
    const n = Math.floor(seconds / size);
    if (n > 0) parts.push(`${n} ${unit === 'day' ? 'd' : unit === 'hour' ? 'h' : 'min'}`);
    seconds -= n * size;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

export const at = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const humanize = (code: string) => code.replace(/[_.]/g, ' ');

/** A length of time in seconds, in the same short form as `waited`. */
export const duration = (seconds: number) => waited(new Date(0).toISOString(), seconds * 1000);
