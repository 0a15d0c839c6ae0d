import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadCalendar, sortHolidays } from './calendar-row.js';
import { slaCalendars } from './schema.js';

export type ImportHolidaysInput = { country: string; state?: string; year: number };

/*
 * Adds a country's (or region's) public holidays for one year from the date-holidays package;
 * dates the calendar already has keep their names, so importing twice adds nothing. Loaded on
 * first use: the package's data for every country is large and most processes never need it.
 */
export async function importHolidays(ctx: WorkContext, id: string, input: ImportHolidaysInput) {
  const calendar = await loadCalendar(ctx, id, { forUpdate: true });
  const { default: Holidays } = await import('date-holidays');
  const country = input.country.toUpperCase();
  const state = input.state?.toUpperCase();
  const source = new Holidays();
  if (!(country in source.getCountries())) throw unknownPlace('country');
  if (state && !(state in (source.getStates(country) ?? {}))) throw unknownPlace('state');
  if (state) source.init(country, state);
  else source.init(country);
  const taken = new Set(calendar.holidays.map((h) => h.date));
  const added = [];
  for (const h of source.getHolidays(input.year)) {
    if (h.type !== 'public') continue;
    // "2026-12-25 00:00:00", in the place's own calendar, which is what a calendar day means here.
    const date = h.date.slice(0, 10);
    if (taken.has(date)) continue;
    taken.add(date);
    added.push({ date, name: h.name });
  }
  const [row] = await ctx.tx
    .update(slaCalendars)
    .set({ holidays: sortHolidays([...calendar.holidays, ...added]) })
    .where(eq(slaCalendars.id, id))
    .returning();
  return { ...row!, imported: added.length };
}

const unknownPlace = (name: string) =>
  new AppError('VALIDATION_FAILED', {
    invalidParams: [{ name, reason: 'no holidays are known for this place' }],
  });
