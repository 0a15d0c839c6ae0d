import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  localDateOf,
  localToInstant,
  NoWorkingTime,
  subtractWorkingTime,
  workingSecondsBetween,
  type Calendar,
  type Weekday,
} from './working-time.js';

const hour = 3600;
const weekdaysOnly: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const officeHours = (timezone: string, holidays: Calendar['holidays'] = []): Calendar => ({
  timezone,
  hours: weekdaysOnly.map((day) => ({ day, from: '09:00', to: '17:00' })),
  holidays,
});
const iso = (d: Date) => d.toISOString();

describe('working time', () => {
  it('counts back over a weekend and a holiday: an hour before Monday 09:30 is Friday 16:30', () => {
    const calendar = officeHours('Europe/Berlin');
    expect(iso(subtractWorkingTime(calendar, new Date('2026-11-16T08:30:00Z'), hour))).toBe(
      '2026-11-13T15:30:00.000Z',
    );
    // Tuesday 09:30 after a holiday Monday: Friday 16:30 again.
    const closedMonday = officeHours('Europe/Berlin', [{ date: '2026-11-16', name: 'Closed' }]);
    expect(iso(subtractWorkingTime(closedMonday, new Date('2026-11-17T08:30:00Z'), hour))).toBe(
      '2026-11-13T15:30:00.000Z',
    );
    // Inside the day, and from outside working hours (Saturday noon: back to Friday 16:00).
    expect(iso(subtractWorkingTime(calendar, new Date('2026-11-12T14:00:00Z'), hour))).toBe(
      '2026-11-12T13:00:00.000Z',
    );
    expect(iso(subtractWorkingTime(calendar, new Date('2026-11-14T11:00:00Z'), hour))).toBe(
      '2026-11-13T15:00:00.000Z',
    );
    // The inverse of adding, across the weekend.
    const start = new Date('2026-11-13T14:10:00Z');
    expect(iso(subtractWorkingTime(calendar, addWorkingTime(calendar, start, 5 * hour), 5 * hour))).toBe(
      iso(start),
    );
    expect(() => subtractWorkingTime({ timezone: 'UTC', hours: [], holidays: [] }, start, hour)).toThrow(
      NoWorkingTime,
    );
  });

  it('carries a target set late on a Friday over the weekend: 16:30 + 1 h is Monday 09:30', () => {
    // Friday 13 November 2026, 16:30 in Berlin (UTC+1).
    const due = addWorkingTime(officeHours('Europe/Berlin'), new Date('2026-11-13T15:30:00Z'), hour);
    expect(iso(due)).toBe('2026-11-16T08:30:00.000Z');
  });

  it('skips a holiday Monday to Tuesday 09:30', () => {
    const calendar = officeHours('Europe/Berlin', [{ date: '2026-11-16', name: 'Closed' }]);
    const due = addWorkingTime(calendar, new Date('2026-11-13T15:30:00Z'), hour);
    expect(iso(due)).toBe('2026-11-17T08:30:00.000Z');
  });

  it('runs only inside split shifts, and merges overlapping ranges', () => {
    const calendar: Calendar = {
      timezone: 'UTC',
      hours: [
        { day: 'wed', from: '13:00', to: '17:00' },
        { day: 'wed', from: '09:00', to: '12:00' },
        { day: 'wed', from: '10:00', to: '11:30' },
      ],
      holidays: [],
    };
    // Wednesday 2 December 2026, 11:00: one hour before lunch, one after.
    const start = new Date('2026-12-02T11:00:00Z');
    expect(iso(addWorkingTime(calendar, start, 2 * hour))).toBe('2026-12-02T14:00:00.000Z');
    // Started during lunch: the clock waits for 13:00.
    expect(iso(addWorkingTime(calendar, new Date('2026-12-02T12:20:00Z'), 30 * 60))).toBe(
      '2026-12-02T13:30:00.000Z',
    );
    expect(
      workingSecondsBetween(calendar, new Date('2026-12-02T08:00:00Z'), new Date('2026-12-02T18:00:00Z')),
    ).toBe(7 * hour);
    // Past Wednesday's end, the next Wednesday.
    expect(iso(addWorkingTime(calendar, new Date('2026-12-02T16:30:00Z'), hour))).toBe(
      '2026-12-09T09:30:00.000Z',
    );
  });

  it('reads "24:00" as the end of the day, and a whole-day calendar as clock time across a DST change', () => {
    const always: Calendar = {
      timezone: 'America/New_York',
      hours: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({
        day,
        from: '00:00',
        to: '24:00',
      })),
      holidays: [],
    };
    // Saturday 31 October 2026, noon EDT; summer time ends on Sunday 1 November (a 25-hour day).
    const start = new Date('2026-10-31T16:00:00Z');
    expect(iso(addWorkingTime(always, start, 24 * hour))).toBe('2026-11-01T16:00:00.000Z');
    expect(workingSecondsBetween(always, start, new Date('2026-11-02T16:00:00Z'))).toBe(48 * hour);
  });

  it('keeps local office hours on both sides of a daylight-saving change', () => {
    // New York: Friday 30 October 2026 16:30 EDT (UTC-4) + 1 h → Monday 2 November 09:30 EST (UTC-5).
    expect(iso(addWorkingTime(officeHours('America/New_York'), new Date('2026-10-30T20:30:00Z'), hour))).toBe(
      '2026-11-02T14:30:00.000Z',
    );
    // Berlin: Friday 27 March 2026 16:30 CET (UTC+1) + 1 h → Monday 30 March 09:30 CEST (UTC+2).
    expect(iso(addWorkingTime(officeHours('Europe/Berlin'), new Date('2026-03-27T15:30:00Z'), hour))).toBe(
      '2026-03-30T07:30:00.000Z',
    );
    // A whole working week across the change is still 40 hours.
    expect(
      workingSecondsBetween(
        officeHours('Europe/Berlin'),
        new Date('2026-03-23T00:00:00Z'),
        new Date('2026-04-04T00:00:00Z'),
      ),
    ).toBe(80 * hour);
  });

  it('counts a night shift over the skipped hour as an hour shorter', () => {
    const night: Calendar = {
      timezone: 'Europe/Berlin',
      hours: [{ day: 'sun', from: '00:00', to: '06:00' }],
      holidays: [],
    };
    const day = (from: string, to: string) => workingSecondsBetween(night, new Date(from), new Date(to));
    // Sunday 29 March 2026: clocks go from 02:00 to 03:00.
    expect(day('2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z')).toBe(5 * hour);
    // Sunday 25 October 2026: 03:00 happens twice.
    expect(day('2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z')).toBe(7 * hour);
  });

  it('turns local times into instants in gaps and overlaps, and tells local dates', () => {
    // 02:30 does not exist on 29 March 2026 in Berlin: read as 03:30 CEST.
    expect(new Date(localToInstant('Europe/Berlin', '2026-03-29', 150)).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 02:30 happens twice on 25 October 2026: the second, in CET.
    expect(new Date(localToInstant('Europe/Berlin', '2026-10-25', 150)).toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
    expect(localDateOf('Pacific/Auckland', new Date('2026-12-24T12:00:00Z'))).toBe('2026-12-25');
    expect(localDateOf('America/Los_Angeles', new Date('2026-12-25T07:00:00Z'))).toBe('2026-12-24');
  });

  it('measures working seconds, nothing for an empty span, and clock time without a calendar', () => {
    const berlin = officeHours('Europe/Berlin');
    // Friday 16:00 → Monday 10:00 local.
    expect(
      workingSecondsBetween(berlin, new Date('2026-11-13T15:00:00Z'), new Date('2026-11-16T09:00:00Z')),
    ).toBe(2 * hour);
    expect(
      workingSecondsBetween(berlin, new Date('2026-11-16T09:00:00Z'), new Date('2026-11-13T15:00:00Z')),
    ).toBe(0);
    const start = new Date('2026-11-14T10:00:00Z');
    expect(iso(addWorkingTime(null, start, 90))).toBe('2026-11-14T10:01:30.000Z');
    expect(workingSecondsBetween(null, start, new Date('2026-11-14T11:00:00Z'))).toBe(hour);
  });

  it('refuses a deadline from a calendar that never works', () => {
    const never: Calendar = { timezone: 'UTC', hours: [], holidays: [] };
    expect(() => addWorkingTime(never, new Date('2026-11-14T10:00:00Z'), 60)).toThrow(NoWorkingTime);
  });
});
