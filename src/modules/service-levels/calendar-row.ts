import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { slaCalendars, type CalendarRow } from './schema.js';
import type { Calendar, Holiday } from './working-time.js';

export async function loadCalendar(ctx: WorkContext, id: string, options: { forUpdate?: boolean } = {}) {
  const query = ctx.tx.select().from(slaCalendars).where(eq(slaCalendars.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw new AppError('CALENDAR_NOT_FOUND');
  return row;
}

export const listCalendars = (ctx: WorkContext) =>
  ctx.tx.select().from(slaCalendars).orderBy(asc(slaCalendars.name), asc(slaCalendars.id));

/** What the working-time calculator needs of a calendar row. */
export const calendarOf = (row: CalendarRow): Calendar => ({
  timezone: row.timezone,
  hours: row.hours,
  holidays: row.holidays,
});

export const sortHolidays = (holidays: readonly Holiday[]) =>
  [...holidays].sort((a, b) => a.date.localeCompare(b.date));

export const presentCalendar = ({ workspaceId: _ws, ...row }: CalendarRow) => row;

/** A unique-name clash answered as such rather than as a bare conflict. */
export function nameTaken(name: string) {
  return (err: unknown): never => {
    const code = (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    if (code === '23505') {
      throw new AppError('CALENDAR_NAME_TAKEN', {
        invalidParams: [{ name: 'name', reason: `a calendar named "${name}" exists` }],
      });
    }
    throw err;
  };
}
