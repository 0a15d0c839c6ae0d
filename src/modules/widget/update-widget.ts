import { eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { assertTeam } from '../workspaces/index.js';
import { assertCalendar } from '../service-levels/index.js';
import { widgetSettings } from './schema.js';
import { loadWidget, newSigningSecret, presentWidget, rotationGraceMs } from './widget-row.js';

export type WidgetChange = {
  enforceSignature?: boolean;
  anonymousAllowed?: boolean;
  teamId?: string | null;
  calendarId?: string | null;
  callbackOfferAfterSeconds?: number;
  rotateSecret?: boolean;
};

export async function getWidget(ctx: WorkContext) {
  return presentWidget(await loadWidget(ctx));
}

// Rotating keeps the outgoing secret valid for a day, so the host site switches without refusals;
// rotating again within that day retires the oldest at once (only two are ever valid).
export async function updateWidget(ctx: WorkContext, change: WidgetChange) {
  const row = await loadWidget(ctx, { forUpdate: true });
  if (change.teamId) await assertTeam(ctx, change.teamId, 'teamId');
  if (change.calendarId) await assertCalendar(ctx, change.calendarId, 'calendarId');
  const { rotateSecret, ...settings } = change;
  const now = new Date();
  const rotation = rotateSecret
    ? {
        signingSecret: newSigningSecret(),
        previousSecret: row.signingSecret,
        previousSecretValidUntil: new Date(now.getTime() + rotationGraceMs),
      }
    : {};
  const [updated] = await ctx.tx
    .update(widgetSettings)
    .set({ ...settings, ...rotation, updatedAt: now })
    .where(eq(widgetSettings.workspaceId, ctx.workspaceId))
    .returning();
  return presentWidget(updated!);
}
