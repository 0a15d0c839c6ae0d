import { newSecret } from '../../platform/access/secrets.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { assertMember, assertTeam } from '../workspaces/index.js';
import { lineNumber } from './line-number.js';
import { isUniqueViolation, numberTaken, presentLine } from './line-row.js';
import { phoneLines } from './schema.js';

export const newLineSecret = () => newSecret('esp');

export async function createLine(
  ctx: WorkContext,
  input: {
    name: string;
    number: string;
    teamId?: string | null;
    callbackOwnerId?: string | null;
    twilioAuthToken?: string | null;
  },
) {
  const number = lineNumber(input.number);
  if (input.teamId) await assertTeam(ctx, input.teamId, 'teamId');
  if (input.callbackOwnerId) await assertMember(ctx, input.callbackOwnerId, 'callbackOwnerId');
  const [row] = await ctx.tx
    .insert(phoneLines)
    .values({
      workspaceId: ctx.workspaceId,
      name: input.name,
      number,
      teamId: input.teamId ?? null,
      callbackOwnerId: input.callbackOwnerId ?? null,
      twilioAuthToken: input.twilioAuthToken ?? null,
      secret: newLineSecret(),
    })
    .returning()
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? numberTaken(number) : err;
    });
  return presentLine(row!);
}
