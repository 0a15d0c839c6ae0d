import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadCalendar } from './calendar-row.js';
import { slaCalendars, slaPolicies } from './schema.js';

// A calendar a policy uses stays until the policy moves to another; conversations whose clocks
// ran on a deleted calendar count clock time from their next change.
export async function deleteCalendar(ctx: WorkContext, id: string) {
  await loadCalendar(ctx, id, { forUpdate: true });
  const users = await ctx.tx
    .select({ name: slaPolicies.name })
    .from(slaPolicies)
    .where(eq(slaPolicies.calendarId, id))
    .limit(5);
  if (users.length) {
    throw new AppError('CALENDAR_IN_USE', {
      message: `Used by ${users.map((p) => `"${p.name}"`).join(', ')}`,
    });
  }
  await ctx.tx.delete(slaCalendars).where(eq(slaCalendars.id, id));
}
