import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { inWorkspace, type ScopeDeps } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { callEventsBody, type CallEvent } from './call-event.js';
import type { LineTarget } from './find-line.js';
import { readRequest } from './read-request.js';
import { recordCallEvents } from './record-call-events.js';
import { phoneRequests } from './schema.js';
import { markRequest, storeRequest } from './store-request.js';

/*
 * One request from a telephony system: stored raw first (committed on its own), then applied.
 */
export async function receiveEvents(
  deps: ScopeDeps,
  line: LineTarget,
  request: { via: 'events' | 'twilio'; contentType: string | undefined; body: string },
) {
  const stored = await storeRequest(deps, line, request);
  return applyRequest(deps, line, stored.id);
}

/*
 * Reads a stored request and records its events. A body that is not call events is marked
 * rejected with the reason and answered 400, still on record. A failure past that leaves it
 * `received` with its error, for the sender's retry or the minute's sweep (retry-requests-job.ts).
 */
export async function applyRequest(deps: ScopeDeps, line: LineTarget, requestId: string) {
  const scope = systemScope(line.workspaceId);
  const [stored] = await inWorkspace(deps, scope, (ctx) =>
    ctx.tx.select().from(phoneRequests).where(eq(phoneRequests.id, requestId)),
  );
  if (!stored || stored.state !== 'received') return null;
  let events: CallEvent[];
  try {
    const parsed = callEventsBody.safeParse(readRequest[stored.via](stored.body, stored.receivedAt));
    if (!parsed.success) throw invalid(z.prettifyError(parsed.error));
    events = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  } catch (err) {
    const problem = err instanceof AppError ? err : invalid('The body is not JSON');
    await markRequest(deps, line, requestId, { state: 'rejected', error: problem.message });
    throw problem;
  }
  const result = await inWorkspace(deps, scope, async (ctx) => {
    const recorded = await recordCallEvents(ctx, line, requestId, events);
    await ctx.tx
      .update(phoneRequests)
      .set({ state: 'applied', error: null })
      .where(eq(phoneRequests.id, requestId));
    return recorded;
  }).catch(async (err: unknown) => {
    await inWorkspace(deps, scope, (ctx) =>
      ctx.tx
        .update(phoneRequests)
        .set({ error: String((err as Error).message).slice(0, 2_000) })
        .where(eq(phoneRequests.id, requestId)),
    );
    throw err;
  });
  return {
    requestId,
    accepted: result.accepted,
    duplicates: result.duplicates,
    calls: result.calls.flatMap((c) =>
      c ? [{ callId: c.callId, conversationId: c.conversationId, status: String(c.state.status ?? '') }] : [],
    ),
  };
}

const invalid = (message: string) => new AppError('VALIDATION_FAILED', { message });
