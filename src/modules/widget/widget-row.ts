import { eq } from 'drizzle-orm';
import { newSecret } from '../../platform/access/secrets.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { widgetSettings } from './schema.js';

export type WidgetRow = typeof widgetSettings.$inferSelect;

// A day for the host site to deploy a new secret while the old one still verifies.
export const rotationGraceMs = 24 * 3_600_000;

export const newWorkspaceKey = () => newSecret('wk', 12);
export const newSigningSecret = () => newSecret('wss', 32);

/** The workspace's widget, created (with its public key and a secret) the first time anyone asks. */
export async function loadWidget(
  ctx: WorkContext,
  options: { forUpdate?: boolean } = {},
): Promise<WidgetRow> {
  const query = ctx.tx.select().from(widgetSettings).where(eq(widgetSettings.workspaceId, ctx.workspaceId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (row) return row;
  await ctx.tx
    .insert(widgetSettings)
    .values({
      workspaceId: ctx.workspaceId,
      workspaceKey: newWorkspaceKey(),
      signingSecret: newSigningSecret(),
    })
    .onConflictDoNothing();
  const [created] = await query;
  return created!;
}

/** The previous secret, while it still verifies. */
export const previousSecret = (row: WidgetRow, now = new Date()) =>
  row.previousSecret && row.previousSecretValidUntil && row.previousSecretValidUntil > now
    ? { secret: row.previousSecret, validUntil: row.previousSecretValidUntil }
    : null;

export function presentWidget(row: WidgetRow) {
  const previous = previousSecret(row);
  return {
    workspaceKey: row.workspaceKey,
    enforceSignature: row.enforceSignature,
    anonymousAllowed: row.anonymousAllowed,
    signingSecret: row.signingSecret,
    previousSecretValidUntil: previous?.validUntil ?? null,
    teamId: row.teamId,
    calendarId: row.calendarId,
    callbackOfferAfterSeconds: row.callbackOfferAfterSeconds,
    updatedAt: row.updatedAt,
  };
}
