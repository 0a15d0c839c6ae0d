import { isFinished, loadConversation } from '../conversations/index.js';
import { routingOf } from '../routing/index.js';
import { calendarStatus } from '../service-levels/index.js';
import type { VisitorWork } from './visitor-work.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import type { WidgetRow } from './widget-row.js';

type Conversation = Awaited<ReturnType<typeof loadConversation>>;

export type VisitorRouting = {
  state: 'queued' | 'offered' | 'assigned' | 'unrouted' | 'done';
  position: number | null;
  estimatedWait: { minSeconds: number; maxSeconds: number } | null;
  enqueuedAt: Date | null;
  waitedSeconds: number | null;
};

/*
 * Where each conversation stands for its customer: the queue state, position and wait range staff
 * see, without who holds it. `unrouted`: no team and nobody on it yet; `done`: resolved or closed.
 */
export async function visitorRouting(
  ctx: WorkContext,
  rows: readonly Pick<Conversation, 'id' | 'status'>[],
  now = new Date(),
): Promise<Map<string, VisitorRouting>> {
  const routing = rows.length
    ? await routingOf(
        ctx,
        rows.map((r) => r.id),
      )
    : new Map();
  return new Map(
    rows.map((row) => {
      const r = routing.get(row.id);
      const state: VisitorRouting['state'] = r?.state ?? (isFinished(row.status) ? 'done' : 'unrouted');
      const enqueuedAt = r?.state === 'queued' ? r.enqueuedAt : null;
      return [
        row.id,
        {
          state,
          position: r?.state === 'queued' ? r.position : null,
          estimatedWait: r?.state === 'queued' ? r.estimatedWait : null,
          enqueuedAt,
          waitedSeconds: enqueuedAt
            ? Math.max(0, Math.round((now.getTime() - enqueuedAt.getTime()) / 1000))
            : null,
        },
      ];
    }),
  );
}

// A callback or an email is offered once the wait ahead, or the wait so far, passes the threshold.
export const shouldOfferCallback = (widget: WidgetRow, routing: VisitorRouting) =>
  routing.state === 'queued' &&
  ((routing.estimatedWait?.maxSeconds ?? 0) > widget.callbackOfferAfterSeconds ||
    (routing.waitedSeconds ?? 0) > widget.callbackOfferAfterSeconds);

/** The widget's working hours now: whether the team works, and when it is back. */
export async function hoursOf(ctx: WorkContext, widget: WidgetRow, now = new Date()) {
  const status = widget.calendarId ? await calendarStatus(ctx, widget.calendarId, now) : null;
  return status ?? { open: true, backAt: null, timeZone: null };
}

/** A conversation as its visitor sees it: status, verification, place in the queue, what to offer. */
export async function presentVisitorConversation(ctx: VisitorWork, row: Conversation) {
  const routing = (await visitorRouting(ctx, [row])).get(row.id)!;
  const hours = await hoursOf(ctx, ctx.widget);
  return {
    id: row.id,
    status: row.status,
    channel: row.channel,
    verified: Boolean(row.verifiedAt),
    verification: row.verifiedAt ? { method: row.verificationMethod, verifiedAt: row.verifiedAt } : null,
    routing,
    offerCallback: shouldOfferCallback(ctx.widget, routing),
    backAt: hours.backAt,
    timeZone: hours.timeZone,
    lastSeq: row.messageCount,
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
  };
}
