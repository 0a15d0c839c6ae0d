/*
 * Working time in a calendar: business hours per weekday in the calendar's time zone, less its
 * holidays. Pure (no database, no clock); time zones come from the runtime's Intl data, so no
 * time-zone library is needed. A deadline is "N working seconds after an instant": the clock runs
 * only inside working ranges, which are found day by day in local time and turned into instants,
 * so a range keeps its local hours across a daylight-saving change (that day is an hour shorter
 * or longer only if the change falls inside the range).
 */

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export type WorkingHours = { day: Weekday; from: string; to: string };
export type Holiday = { date: string; name: string };
export type Calendar = { timezone: string; hours: readonly WorkingHours[]; holidays: readonly Holiday[] };

/** A calendar with no hours is never working; asking it for a deadline is an error. */
export class NoWorkingTime extends Error {}

// Years of days looked through for working time before giving up (a calendar whose every day
// is a holiday).
const maxDays = 3 * 366;

/** Minutes since local midnight of "HH:MM" ("24:00" is the end of the day). */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** The instant `seconds` of working time after `start` (fractions of a second kept). */
export function addWorkingTime(calendar: Calendar | null, start: Date, seconds: number): Date {
  if (!calendar) return new Date(start.getTime() + seconds * 1000);
  let left = Math.max(0, seconds) * 1000;
  let day = localDateOf(calendar.timezone, start);
  for (let i = 0; i < maxDays; i++, day = nextDay(day)) {
    for (const [from, to] of rangesOn(calendar, day)) {
      const begin = Math.max(from, start.getTime());
      if (begin >= to) continue;
      if (to - begin >= left) return new Date(begin + left);
      left -= to - begin;
    }
  }
  throw new NoWorkingTime('The calendar has no working time');
}

/** The instant `seconds` of working time before `end`: addWorkingTime run backwards. */
export function subtractWorkingTime(calendar: Calendar | null, end: Date, seconds: number): Date {
  if (!calendar) return new Date(end.getTime() - seconds * 1000);
  let left = Math.max(0, seconds) * 1000;
  let day = localDateOf(calendar.timezone, end);
  for (let i = 0; i < maxDays; i++, day = previousDay(day)) {
    for (const [from, to] of rangesOn(calendar, day).reverse()) {
      const finish = Math.min(to, end.getTime());
      if (finish <= from) continue;
      if (finish - from >= left) return new Date(finish - left);
      left -= finish - from;
    }
  }
  throw new NoWorkingTime('The calendar has no working time');
}

/** The working seconds between two instants (0 when `to` is not after `from`). */
export function workingSecondsBetween(calendar: Calendar | null, from: Date, to: Date): number {
  if (to <= from) return 0;
  if (!calendar) return (to.getTime() - from.getTime()) / 1000;
  let total = 0;
  const last = localDateOf(calendar.timezone, to);
  for (let day = localDateOf(calendar.timezone, from); day <= last; day = nextDay(day)) {
    for (const [start, end] of rangesOn(calendar, day)) {
      total += Math.max(0, Math.min(end, to.getTime()) - Math.max(start, from.getTime()));
    }
  }
  return total / 1000;
}

/** A local day's working ranges as instants (ms), merged and in order; none on a holiday. */
export function rangesOn(calendar: Calendar, day: string): [number, number][] {
  if (calendar.holidays.some((h) => h.date === day)) return [];
  const weekday = weekdayOf(day);
  const minutes = calendar.hours
    .filter((h) => h.day === weekday)
    .map((h) => [minutesOf(h.from), minutesOf(h.to)] as const)
    .filter(([from, to]) => from < to)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of minutes) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged.map(([from, to]) => [
    localToInstant(calendar.timezone, day, from),
    localToInstant(calendar.timezone, day, to),
  ]);
}

// --- local dates and the zone's offset ---

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string) {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timezone, f);
  }
  return f;
}

/** Whether the runtime knows a time zone by this name. */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

// The wall clock in the zone at an instant, read as if it were UTC (ms).
function wallClock(timezone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timezone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

// How far the zone's clock is ahead of UTC at an instant (ms; whole seconds).
const offsetAt = (timezone: string, ms: number) => wallClock(timezone, ms) - Math.floor(ms / 1000) * 1000;

/** The zone's local date ("YYYY-MM-DD") at an instant. */
export function localDateOf(timezone: string, at: Date): string {
  return new Date(wallClock(timezone, at.getTime())).toISOString().slice(0, 10);
}

/**
 * The instant a local date and time (minutes after midnight, 1440 = the next midnight) happens in
 * the zone. A time skipped by a change to summer time is read as the same time after the change
 * (02:30 on a night that jumps from 02:00 to 03:00 is 03:30); a time that happens twice is the
 * second one.
 */
export function localToInstant(timezone: string, day: string, minutes: number): number {
  const wall = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  const first = offsetAt(timezone, wall);
  const guess = wall - first;
  const second = offsetAt(timezone, guess);
  if (second === first) return guess;
  const retry = wall - second;
  return offsetAt(timezone, retry) === second ? retry : Math.max(guess, retry);
}

function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function weekdayOf(day: string): Weekday {
  // getUTCDay: 0 = Sunday.
  return weekdays[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}
