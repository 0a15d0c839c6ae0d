import { eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadCalendar, nameTaken, sortHolidays } from './calendar-row.js';
import type { CalendarInput } from './create-calendar.js';
import { slaCalendars } from './schema.js';

/*
 * Clocks already running keep the due times they were given; they follow the new hours from
 * their next change (a pause, a resume, a new team or priority). New clocks use them at once.
 */
export async function updateCalendar(ctx: WorkContext, id: string, input: Partial<CalendarInput>) {
  const current = await loadCalendar(ctx, id, { forUpdate: true });
  const [row] = await ctx.tx
    .update(slaCalendars)
    .set({ ...input, ...(input.holidays ? { holidays: sortHolidays(input.holidays) } : {}) })
    .where(eq(slaCalendars.id, id))
    .returning()
    .catch(nameTaken(input.name ?? current.name));
  return row!;
}
