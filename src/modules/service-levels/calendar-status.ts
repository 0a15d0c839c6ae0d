import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { calendarOf, loadCalendar } from './calendar-row.js';
import { addWorkingTime, NoWorkingTime } from './working-time.js';

/** For another module's setting that names a calendar: a 400 naming the field when there is none. */
export async function assertCalendar(ctx: WorkContext, id: string, field: string) {
  await loadCalendar(ctx, id).catch(() => {
    throw new AppError('VALIDATION_FAILED', {
      invalidParams: [{ name: field, reason: 'no such calendar in this workspace' }],
    });
  });
}

/*
 * Whether a calendar is in working hours now and, when it is not, when they resume (null for a
 * calendar with no working time at all). Null for a calendar that no longer exists: the caller
 * treats that as "no hours set".
 */
export async function calendarStatus(ctx: WorkContext, id: string, now = new Date()) {
  const row = await loadCalendar(ctx, id).catch(() => null);
  if (!row) return null;
  let next: Date | null;
  try {
    // Zero working seconds from now is the next working instant: now itself inside the hours.
    next = addWorkingTime(calendarOf(row), now, 0);
  } catch (err) {
    if (!(err instanceof NoWorkingTime)) throw err;
    next = null;
  }
  const open = next !== null && next.getTime() <= now.getTime();
  return { open, backAt: open ? null : next, timeZone: row.timezone };
}
