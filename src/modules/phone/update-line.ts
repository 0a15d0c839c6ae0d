import { eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { assertMember, assertTeam } from '../workspaces/index.js';
import { newLineSecret } from './create-line.js';
import { lineNumber } from './line-number.js';
import { isUniqueViolation, loadLine, numberTaken, presentLine } from './line-row.js';
import { phoneLines } from './schema.js';

export async function updateLine(
  ctx: WorkContext,
  id: string,
  input: {
    name?: string;
    number?: string;
    teamId?: string | null;
    callbackOwnerId?: string | null;
    twilioAuthToken?: string | null;
    /** A new secret; the old one stops working at once. */
    rotateSecret?: boolean;
  },
) {
  await loadLine(ctx, id);
  const number = input.number === undefined ? undefined : lineNumber(input.number);
  if (input.teamId) await assertTeam(ctx, input.teamId, 'teamId');
  if (input.callbackOwnerId) await assertMember(ctx, input.callbackOwnerId, 'callbackOwnerId');
  const { rotateSecret, ...rest } = input;
  const [row] = await ctx.tx
    .update(phoneLines)
    .set({
      ...rest,
      ...(number ? { number } : {}),
      ...(rotateSecret ? { secret: newLineSecret() } : {}),
      updatedAt: new Date(),
    })
    .where(eq(phoneLines.id, id))
    .returning()
    .catch((err: unknown) => {
      throw isUniqueViolation(err) && number ? numberTaken(number) : err;
    });
  return presentLine(row!);
}
