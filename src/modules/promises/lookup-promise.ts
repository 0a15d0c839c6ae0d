import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { parseReference } from './reference.js';
import { promises } from './schema.js';

// Either form, any case, any separators. A reference whose check does not hold matches nothing,
// even if its value symbols happen to be another promise's: a typo is never a wrong match.
export async function lookupPromise(ctx: WorkContext, input: string) {
  const reference = parseReference(input);
  if (!reference) throw new AppError('PROMISE_NOT_FOUND', { message: 'No promise has this reference' });
  const [row] = await ctx.tx.select().from(promises).where(eq(promises.reference, reference));
  if (!row) throw new AppError('PROMISE_NOT_FOUND', { message: 'No promise has this reference' });
  return row;
}
