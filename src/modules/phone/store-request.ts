import { eq } from 'drizzle-orm';
import { inWorkspace, type ScopeDeps } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import type { LineTarget } from './find-line.js';
import { phoneRequests, requestVias } from './schema.js';

/*
 * Raw first: the request is committed as it came before anything parses it, so an event Earshot
 * cannot read (or fails to apply) is still on record, with the reason, for someone to look at.
 */
export async function storeRequest(
  deps: ScopeDeps,
  line: LineTarget,
  request: { via: (typeof requestVias)[number]; contentType: string | undefined; body: string },
) {
  return inWorkspace(deps, systemScope(line.workspaceId), async (ctx) => {
    const [row] = await ctx.tx
      .insert(phoneRequests)
      .values({
        workspaceId: line.workspaceId,
        lineId: line.id,
        via: request.via,
        contentType: request.contentType ?? null,
        body: request.body,
      })
      .returning({ id: phoneRequests.id, receivedAt: phoneRequests.receivedAt });
    return row!;
  });
}

export async function markRequest(
  deps: ScopeDeps,
  line: LineTarget,
  id: string,
  outcome: { state: 'applied' | 'rejected'; error?: string },
) {
  await inWorkspace(deps, systemScope(line.workspaceId), (ctx) =>
    ctx.tx
      .update(phoneRequests)
      .set({ state: outcome.state, error: outcome.error?.slice(0, 2_000) ?? null })
      .where(eq(phoneRequests.id, id)),
  );
}
