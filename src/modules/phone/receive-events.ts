import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { inWorkspace, type ScopeDeps } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { callEventsBody, type CallEvent } from './call-event.js';
import type { LineTarget } from './find-line.js';
import { recordCallEvents } from './record-call-events.js';
import { phoneRequests } from './schema.js';
import { markRequest, storeRequest } from './store-request.js';

/*
 * One request from a telephony system: stored raw first (committed on its own), then read; a body
 * that is not call events is marked rejected with the reason and answered 400, still on record.
 * `read` turns the raw body into events (JSON here, a provider's form in its adapter).
 */
export async function receiveEvents(
  deps: ScopeDeps,
  line: LineTarget,
  request: { via: 'events' | 'twilio'; contentType: string | undefined; body: string },
  read: (body: string) => unknown,
) {
  const stored = await storeRequest(deps, line, request);
  let events: CallEvent[];
  try {
    const parsed = callEventsBody.safeParse(read(request.body));
    if (!parsed.success) throw invalid(z.prettifyError(parsed.error));
    events = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  } catch (err) {
    const problem = err instanceof AppError ? err : invalid('The body is not JSON');
    await markRequest(deps, line, stored.id, { state: 'rejected', error: problem.message });
    throw problem;
  }
  // Applied with its events, or left `received` (its error kept) for the sender's retry.
  const result = await inWorkspace(deps, systemScope(line.workspaceId), async (ctx) => {
    const recorded = await recordCallEvents(ctx, line, stored.id, events);
    await ctx.tx.update(phoneRequests).set({ state: 'applied' }).where(eq(phoneRequests.id, stored.id));
    return recorded;
  });
  return {
    requestId: stored.id,
    accepted: result.accepted,
    duplicates: result.duplicates,
    calls: result.calls.flatMap((c) =>
      c ? [{ callId: c.callId, conversationId: c.conversationId, status: String(c.state.status ?? '') }] : [],
    ),
  };
}

const invalid = (message: string) => new AppError('VALIDATION_FAILED', { message });
