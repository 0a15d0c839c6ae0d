import type { WorkContext } from '../../platform/tenancy/scope.js';
import { applyCall } from './apply-call.js';
import { eventKey, type CallEvent } from './call-event.js';
import type { LineTarget } from './find-line.js';
import { phoneCallEvents } from './schema.js';

/*
 * Records a request's events, each once per (line, call, key): an event sent again adds nothing.
 * Then each call they belong to is brought up to date in the same transaction, so what is stored
 * and what the conversation shows never disagree.
 */
export async function recordCallEvents(
  ctx: WorkContext,
  line: LineTarget,
  requestId: string,
  events: readonly CallEvent[],
) {
  const inserted = await ctx.tx
    .insert(phoneCallEvents)
    .values(
      events.map((event) => ({
        workspaceId: ctx.workspaceId,
        lineId: line.id,
        callId: event.callId,
        eventKey: eventKey(event),
        type: event.type,
        at: new Date(event.at),
        event,
        requestId,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: phoneCallEvents.id });
  // Only what was new changes anything.
  const calls = inserted.length ? [...new Set(events.map((e) => e.callId))].sort() : [];
  const applied = [];
  for (const callId of calls) applied.push(await applyCall(ctx, line, callId));
  return { accepted: events.length, duplicates: events.length - inserted.length, calls: applied };
}
