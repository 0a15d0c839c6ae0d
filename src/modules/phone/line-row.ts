import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { phoneLines } from './schema.js';

export type LineRow = typeof phoneLines.$inferSelect;

export async function loadLine(ctx: WorkContext, id: string): Promise<LineRow> {
  const [row] = await ctx.tx.select().from(phoneLines).where(eq(phoneLines.id, id));
  if (!row) throw new AppError('PHONE_LINE_NOT_FOUND');
  return row;
}

// The auth token is never shown, only whether one is set.
export const presentLine = ({ twilioAuthToken, workspaceId: _ws, ...row }: LineRow) => ({
  ...row,
  twilio: { authTokenSet: twilioAuthToken !== null },
});

export const numberTaken = (number: string) =>
  new AppError('PHONE_NUMBER_TAKEN', {
    message: `${number} already belongs to a phone line`,
    invalidParams: [{ name: 'number', reason: 'already belongs to a phone line' }],
  });

export const isUniqueViolation = (err: unknown) =>
  ((err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code) === '23505';
