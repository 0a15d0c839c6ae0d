import { AppError } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/app-env.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { chatAgentsOnline } from '../routing/index.js';
import { getWorkspace } from '../workspaces/index.js';
import { findWidgetByKey } from './find-widget.js';
import { hoursOf } from './present-routing.js';

/*
 * What the widget shows before anyone writes: whose chat it is, who may use it, and whether a
 * person is there. `online` is never a guess: inside working hours (when a calendar is set) and
 * with at least one of the team's agents online by their heartbeat; `agentsWithRoom` says whether
 * one of them could take the chat at once. Outside working hours, `backAt` says when they resume.
 */
export async function widgetConfig(deps: AppDeps, workspaceKey: string) {
  const widget = await findWidgetByKey(deps.db, workspaceKey);
  if (!widget) throw new AppError('WIDGET_NOT_FOUND');
  return inWorkspace(deps, systemScope(widget.workspaceId), async (ctx) => {
    const workspace = await getWorkspace(ctx);
    const hours = await hoursOf(ctx, widget);
    const agents = await chatAgentsOnline(ctx, widget.teamId);
    return {
      workspaceName: workspace.name,
      anonymousAllowed: widget.anonymousAllowed,
      enforceSignature: widget.enforceSignature,
      online: hours.open && agents.online > 0,
      agentsWithRoom: hours.open && agents.withRoom > 0,
      withinHours: hours.open,
      backAt: hours.backAt,
      timeZone: hours.timeZone,
      callbackOfferAfterSeconds: widget.callbackOfferAfterSeconds,
    };
  });
}
