import type { WorkContext } from '../../platform/tenancy/scope.js';
import { nameTaken, sortHolidays } from './calendar-row.js';
import { slaCalendars } from './schema.js';
import type { Holiday, WorkingHours } from './working-time.js';

export type CalendarInput = { name: string; timezone: string; hours: WorkingHours[]; holidays: Holiday[] };

export async function createCalendar(ctx: WorkContext, input: CalendarInput) {
  const [row] = await ctx.tx
    .insert(slaCalendars)
    .values({ ...input, workspaceId: ctx.workspaceId, holidays: sortHolidays(input.holidays) })
    .returning()
    .catch(nameTaken(input.name));
  return row!;
}
