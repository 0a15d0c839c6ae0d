import type { WorkContext } from '../../platform/tenancy/scope.js';
import { calendarOf, loadCalendar } from './calendar-row.js';
import { matchPolicy, type Subject } from './policy-row.js';
import { NoWorkingTime, subtractWorkingTime } from './working-time.js';

/**
 * The instant `seconds` of working time before `at`, in the calendar of the service-level policy
 * a conversation falls under (how its team keeps hours): what another module uses to act in
 * working hours, such as reminding a promise's owner an hour of their working time before it is
 * due. Clock time when no policy or no calendar applies, or the calendar has no working time.
 */
export async function workingTimeBefore(ctx: WorkContext, subject: Subject, at: Date, seconds: number) {
  const policy = await matchPolicy(ctx, subject);
  const calendar = policy?.calendarId ? calendarOf(await loadCalendar(ctx, policy.calendarId)) : null;
  try {
    return subtractWorkingTime(calendar, at, seconds);
  } catch (err) {
    if (err instanceof NoWorkingTime) return new Date(at.getTime() - seconds * 1000);
    throw err;
  }
}
